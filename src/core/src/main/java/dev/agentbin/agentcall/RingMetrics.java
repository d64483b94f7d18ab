package dev.agentbin.agentcall;

import dev.agentbin.common.AfterCommit;
import dev.agentbin.observe.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The ring metrics (docs/operations.md, "Metrics"): what a transition changed, published once its
 * transaction commits (a rolled-back change happened to nobody), and the providers' answers to
 * originations. Outcomes and confirmations are read off the rows before and after, so the rules stay
 * free of bookkeeping.
 */
@ApplicationScoped
class RingMetrics {

    private static final Logger LOG = Logger.getLogger(RingMetrics.class);

    private final TransactionSynchronizationRegistry transactions;

    RingMetrics(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The legs as a transition found them. */
    record Snapshot(Map<UUID, LegStatus> statuses, Map<UUID, Boolean> confirmed) {

        static Snapshot of(List<LegEntity> legs) {
            return new Snapshot(
                    legs.stream().collect(Collectors.toMap(leg -> leg.id, leg -> leg.status)),
                    legs.stream().collect(Collectors.toMap(leg -> leg.id, leg -> leg.tmConfirm != null)));
        }
    }

    void changed(AgentCallStatus before, Snapshot legsBefore, AgentCallEntity call, List<LegEntity> legs) {
        List<Metrics> changes = new ArrayList<>();
        for (LegEntity leg : legs) {
            if (!legsBefore.confirmed().getOrDefault(leg.id, true) && leg.tmConfirm != null) {
                changes.add(Metrics.count("Confirmations").by("Result", "confirmed"));
            }
            LegStatus was = legsBefore.statuses().get(leg.id);
            if (was != null && was.isLive() && leg.status == LegStatus.ENDED) {
                if (RingRules.MACHINE_ANSWERED.equals(leg.endReason)) {
                    changes.add(Metrics.count("Confirmations").by("Result", "machine"));
                } else if (RingRules.NOT_CONFIRMED.equals(leg.endReason)) {
                    changes.add(Metrics.count("Confirmations").by("Result", "no_key"));
                }
            }
        }
        boolean ringEnded = before == AgentCallStatus.RINGING && call.status != AgentCallStatus.RINGING;
        String outcome = call.status.name().toLowerCase(Locale.ROOT);
        String endReason = call.status == AgentCallStatus.ANSWERED ? "answered" : call.endReason;
        if (ringEnded) {
            changes.add(Metrics.count("AgentCalls").by("Outcome", outcome).by("EndReason", endReason));
            if (call.status == AgentCallStatus.ANSWERED) {
                changes.add(Metrics.milliseconds(
                        "TimeToAnswer",
                        Duration.between(call.tmCreate, call.tmAnswer).toMillis()));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        AfterCommit.run(transactions, () -> {
            if (ringEnded) {
                LOG.infof("agentcall %s rang out: %s (%s)", call.id, outcome, endReason);
            }
            changes.forEach(Metrics::emit);
        });
    }

    static void originated(String provider) {
        Metrics.count("LegsOriginated").by("Provider", provider).emit();
    }

    /** Loud on purpose: with a wrong provider credential every leg fails, and this is how anyone learns of it. */
    static void originationFailed(String provider, String errorClass, UUID legId, UUID agentCallId, String reason) {
        Metrics.count("LegsFailed")
                .by("Provider", provider)
                .by("ErrorClass", errorClass)
                .emit();
        if ("auth".equals(errorClass) || "internal".equals(errorClass)) {
            LOG.errorf(
                    "leg %s of agentcall %s not originated by %s (%s): %s",
                    legId, agentCallId, provider, errorClass, reason);
        } else {
            LOG.warnf(
                    "leg %s of agentcall %s not originated by %s (%s): %s",
                    legId, agentCallId, provider, errorClass, reason);
        }
    }
}
