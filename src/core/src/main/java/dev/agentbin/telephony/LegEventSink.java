package dev.agentbin.telephony;

/** Where verified provider events go: the agentcall service. */
public interface LegEventSink {

    /** A verified event; duplicates and late events are no-ops. */
    void onLegEvent(String provider, LegEvent event);

    /**
     * A leg picked up (or was confirmed) and the provider waits to be told what to do with it: applies the
     * event, then decides whether this very call won, must still be confirmed, or lost.
     */
    AnswerOutcome onAnswer(String provider, LegEvent event);
}
