package dev.agentbin.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.agentbin.events.RingAllDispatchHandler;
import dev.agentbin.events.SqsEventSourceMapping;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The ring queue's event source mapping, locally: pollers receive batches from the local SQS server and
 * invoke the ringall-dispatch handler with them, exactly as Lambda's event source mapping would (see
 * {@link SqsEventSourceMapping}): what the handler reports failed stays in flight and comes back after
 * the visibility timeout, and reaches the dead-letter queue after the queue's maxReceiveCount.
 */
@ApplicationScoped
public class RingQueueEventSource {

    private static final Logger LOG = Logger.getLogger(RingQueueEventSource.class);
    private static final String FUNCTION = "ringall-dispatch";
    /** ringall-dispatch's timeout in functions.yaml. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final RingAllDispatchHandler handler;
    private final LocalSettings.RingQueue settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> pollers = new ArrayList<>();
    private SqsClient sqs;

    public RingQueueEventSource(RingAllDispatchHandler handler, LocalSettings settings) {
        this.handler = handler;
        this.settings = settings.ringQueue();
    }

    void start(@Observes StartupEvent event) {
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(settings.url()).resolve("/"))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, settings.url(), settings.receiveWait());
        running.set(true);
        for (int i = 0; i < settings.pollers(); i++) {
            Thread poller = new Thread(() -> poll(mapping), "ring-queue-poller-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
        LOG.infof("%s consumes %s with %d poller(s)", FUNCTION, settings.url(), settings.pollers());
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        pollers.forEach(Thread::interrupt);
        for (Thread poller : pollers) {
            try {
                poller.join(settings.receiveWait().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sqs != null) {
            sqs.close();
        }
    }

    private void poll(SqsEventSourceMapping mapping) {
        boolean reachable = true;
        while (running.get()) {
            try {
                SqsEventSourceMapping.Round round = mapping.poll(batch -> invoke(mapping, batch));
                if (!reachable) {
                    LOG.infof("the ring queue %s answers again", settings.url());
                    reachable = true;
                }
                if (!round.failedIds().isEmpty()) {
                    LOG.infof("%d of %d ring request(s) left for redelivery", round.failedIds().size(), round.received().size());
                }
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                if (reachable) {
                    LOG.warnf("the ring queue %s does not answer (%s); retrying every %d s", settings.url(), e.getMessage(),
                            RETRY_AFTER.toSeconds());
                    reachable = false;
                }
                sleep(RETRY_AFTER);
            }
        }
    }

    /** One invocation of the function: a fresh request context, as each Lambda invocation gets. */
    private SQSBatchResponse invoke(SqsEventSourceMapping mapping, List<Message> batch) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return handler.handleRequest(mapping.toEvent(batch, settings.region()), new LocalLambdaContext(FUNCTION, TIMEOUT));
        } finally {
            requestContext.terminate();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
