package dev.agentbin.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.SyntheticLambdaContext;
import dev.agentbin.snapstart.SnapStartPriming;
import io.agroal.api.AgroalDataSource;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Primes ringall-dispatch before its SnapStart snapshot ({@link SnapStartPriming}): one SQS event through the
 * Lambda entry point, a ring request for an agent that does not exist. It is parsed, looked up by its dispatch
 * key, refused (404) when the agent is claimed, and consumed: the path up to the claim, with nothing written
 * and nobody rung. The sweeper is not primed (its every run changes what is due; it runs once a minute, not
 * on a caller's path); the migration function takes no snapshot.
 */
@ApplicationScoped
public class DispatchPriming {

    private static final String NOBODY = new UUID(0, 0).toString();

    private final Optional<String> handler;
    private final AgroalDataSource dataSource;

    public DispatchPriming(
            @ConfigProperty(name = "quarkus.lambda.handler") Optional<String> handler, AgroalDataSource dataSource) {
        this.handler = handler;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        if (handler.filter("ringall-dispatch"::equals).isPresent()) {
            SnapStartPriming.install("ringall-dispatch", this::prime, dataSource);
        }
    }

    private void prime() {
        String messageId = "snapstart-priming-" + UUID.randomUUID();
        Map<String, Object> record = Map.of(
                "messageId",
                messageId,
                "receiptHandle",
                messageId,
                "eventSource",
                "aws:sqs",
                "attributes",
                Map.of("ApproximateReceiveCount", "1"),
                "messageAttributes",
                Map.of(),
                "body",
                "{\"agent_id\":\"" + NOBODY + "\",\"customer_id\":\"" + NOBODY + "\",\"source\":\"+15550100000\"}");
        try {
            byte[] event = new ObjectMapper().writeValueAsBytes(Map.of("Records", List.of(record)));
            for (int round = 0; round < SnapStartPriming.ROUNDS; round++) {
                AmazonLambdaRecorder.handle(
                        new ByteArrayInputStream(event), new ByteArrayOutputStream(), SyntheticLambdaContext.priming());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
