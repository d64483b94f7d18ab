package dev.agentbin.event;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients behind the event ports, built on first use only: a process that never relays or
 * delivers (most api functions) never pays for them. In AWS the region and credentials come from the
 * Lambda environment; against a local endpoint (ElasticMQ) any credentials do.
 */
@ApplicationScoped
public class EventChannels {

    private final EventSettings settings;
    private SqsClient sqs;
    private EventBridgeClient eventBridge;

    public EventChannels(EventSettings settings) {
        this.settings = settings;
    }

    /** The delivery queue, when this process is configured to relay. */
    Optional<DeliveryQueue> deliveryQueue() {
        return settings.queueUrl().map(url -> new SqsDeliveryQueue(sqs(), url));
    }

    EventBus bus() {
        return settings.busName()
                .<EventBus>map(name -> new EventBridgeBus(eventBridge(), name))
                .orElseGet(LoggingEventBus::new);
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            var builder = SqsClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(region());
            settings.sqsEndpoint()
                    .ifPresent(endpoint -> builder.endpointOverride(endpoint)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
            sqs = builder.build();
        }
        return sqs;
    }

    private synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = EventBridgeClient.builder()
                    .httpClient(UrlConnectionHttpClient.create())
                    .region(region())
                    .build();
        }
        return eventBridge;
    }

    private static Region region() {
        return Region.of(Optional.ofNullable(System.getenv("AWS_REGION")).orElse("us-east-1"));
    }

    @PreDestroy
    synchronized void close() {
        if (sqs != null) {
            sqs.close();
        }
        if (eventBridge != null) {
            eventBridge.close();
        }
    }
}
