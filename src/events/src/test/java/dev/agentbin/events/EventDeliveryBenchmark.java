package dev.agentbin.events;

import dev.agentbin.agent.Agent;
import dev.agentbin.agent.AgentService;
import dev.agentbin.agent.AgentStatus;
import dev.agentbin.agent.StatusRequest;
import dev.agentbin.testing.LocalSqs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Change-to-delivery delay, as the local run has it: a status write committed through the agent service,
 * relayed after commit to the delivery queue on ElasticMQ, received by the SQS event source (long
 * polling, played by {@link SqsEventSourceEmulator}), delivered by webhook-delivery through the mock
 * Lambda event server to a local receiver. The clock starts before the write (so the write's own
 * transaction is included) and stops when the receiver has the request. One change at a time: this
 * measures delay, not throughput. Run: -Dgroups=benchmark -Dbenchmarks.excluded=none.
 */
@QuarkusTest
@TestProfile(AfterCommitRelay.class)
@Tag("benchmark")
class EventDeliveryBenchmark {

    private static final int WARM_UP = 20;
    private static final int CHANGES = 300;

    @Inject
    EventTestData data;

    @Inject
    AgentService agents;

    @Test
    void changeToDeliveryDelay() throws Exception {
        Semaphore delivered = new Semaphore(0);
        try (SqsClient sqs = LocalSqs.client();
                WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.onDelivery(d -> delivered.release());
            SqsEventSourceEmulator eventSource =
                    new SqsEventSourceEmulator(sqs, EventQueues.emptied(sqs).queueUrl());
            Thread lambda = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            eventSource.poll();
                        }
                    },
                    "event-source");
            EventTestData.Customer customer = data.customerWithWebhook(receiver.url());
            Agent agent = data.agent(customer);
            lambda.start();
            try {
                if (!delivered.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("agent_created never arrived");
                }
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < WARM_UP + CHANGES; i++) {
                    int before = receiver.deliveries().size();
                    long start = System.nanoTime();
                    agents.updateStatus(
                            customer.admin(),
                            agent.id(),
                            new StatusRequest(i % 2 == 0 ? AgentStatus.AVAILABLE : AgentStatus.AWAY));
                    if (!delivered.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new AssertionError("change " + i + " never arrived");
                    }
                    if (i >= WARM_UP) {
                        micros.add((receiver.deliveries().get(before).receivedAtNanos() - start) / 1_000);
                    }
                }
                report(micros);
            } finally {
                lambda.interrupt();
                lambda.join(5_000);
            }
        }
    }

    private static void report(List<Long> micros) throws IOException {
        List<Long> sorted = micros.stream().sorted().toList();
        String table = String.format(
                """
                | changes | p50 ms | p90 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | %d | %.1f | %.1f | %.1f | %.1f |
                """,
                sorted.size(),
                at(sorted, 0.50),
                at(sorted, 0.90),
                at(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1000.0);
        System.out.println(table);
        Files.writeString(Path.of("target/event-delivery-benchmark.txt"), table);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
    }
}
