package dev.agentbin.agentcall;

import static dev.agentbin.common.Text.orEmpty;

import dev.agentbin.common.Sha256;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to ring an agent: an SQS message body for ringall-dispatch, or the body of
 * POST /v1.0/agentcalls (where customer_id comes from the caller instead, so the API's document does not show it).
 *
 * @param source       the caller id to present on every leg (E.164 for telephone providers)
 * @param referenceId  the caller's own id for the call being connected (kept for the record)
 * @param ringTimeout  seconds to ring before the agentcall ends as no_answer (default 30)
 * @param joinTarget   what the winning leg joins, e.g. the conference that holds the caller
 * @param addressTimeout linear ringing only: seconds each address rings before the next one is tried
 *                     (default: the ring timeout shared equally among the addresses)
 */
@RegisterForReflection
public record RingRequest(
        @NotNull(message = "agent_id is required") UUID agentId,

        @Schema(hidden = true) @NotNull(message = "customer_id is required")
        UUID customerId,

        @NotBlank(message = "source is required") @Size(max = 255, message = "source is at most 255 characters")
        String source,

        @Size(max = 255, message = "reference_id is at most 255 characters")
        String referenceId,

        @Min(value = 5, message = "ring_timeout must be between 5 and 600 seconds")
        @Max(value = 600, message = "ring_timeout must be between 5 and 600 seconds")
        Integer ringTimeout,

        @Size(max = 255, message = "join_target is at most 255 characters")
        String joinTarget,

        @Min(value = 1, message = "address_timeout must be between 1 and 600 seconds")
        @Max(value = 600, message = "address_timeout must be between 1 and 600 seconds")
        Integer addressTimeout) {

    public static final int DEFAULT_RING_TIMEOUT = 30;

    public int ringTimeoutOrDefault() {
        return ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
    }

    public RingRequest forCustomer(UUID customer) {
        return new RingRequest(agentId, customer, source, referenceId, ringTimeout, joinTarget, addressTimeout);
    }

    /** Seconds each address of a linear ring rings: as asked, or the ring timeout shared equally. */
    public int addressTimeoutFor(int addresses) {
        return addressTimeout != null
                ? addressTimeout
                : Math.max(1, (ringTimeoutOrDefault() + addresses - 1) / addresses);
    }

    /**
     * Identifies what was asked, defaults applied, so that a dispatch key reused for another request
     * can be told from a retry of the same one.
     */
    public String fingerprint() {
        String canonical = String.join(
                "\n",
                String.valueOf(agentId),
                String.valueOf(customerId),
                String.valueOf(source),
                orEmpty(referenceId),
                String.valueOf(ringTimeoutOrDefault()),
                orEmpty(joinTarget),
                String.valueOf(addressTimeout));
        return Sha256.hex(canonical);
    }
}
