package dev.agentbin.telephony;

/** Where verified provider events go: the agentcall service. */
public interface LegEventSink {

    void onLegEvent(String provider, LegEvent event);
}
