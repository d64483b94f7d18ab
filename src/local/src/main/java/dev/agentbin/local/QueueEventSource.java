package dev.agentbin.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.agentbin.common.SyntheticLambdaContext;
import dev.agentbin.events.SqsEventSourceMapping;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
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
 * One SQS event source mapping, locally: pollers receive batches from the local SQS server and invoke
 * a function's handler with them, exactly as Lambda's event source mapping would (see
 * {@link SqsEventSourceMapping}): what the handler reports failed stays in flight and comes back after
 * the visibility timeout, and reaches the dead-letter queue after the queue's maxReceiveCount.
 */
final class QueueEventSource {

    private static final Logger LOG = Logger.getLogger(QueueEventSource.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final String function;
    private final Duration timeout;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final LocalSettings.Queue settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> pollers = new ArrayList<>();
    private SqsClient sqs;

    /** @param timeout the function's timeout in functions.yaml */
    QueueEventSource(
            String function,
            Duration timeout,
            RequestHandler<SQSEvent, SQSBatchResponse> handler,
            LocalSettings.Queue settings) {
        this.function = function;
        this.timeout = timeout;
        this.handler = handler;
        this.settings = settings;
    }

    void start() {
        sqs = SqsClient.builder()
                .endpointOverride(URI.create(settings.url()).resolve("/"))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, settings.url(), settings.receiveWait());
        running.set(true);
        for (int i = 0; i < settings.pollers(); i++) {
            Thread poller = new Thread(() -> poll(mapping), function + "-poller-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
        LOG.infof("%s consumes %s with %d poller(s)", function, settings.url(), settings.pollers());
    }

    void stop() {
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
                    LOG.infof("the queue %s answers again", settings.url());
                    reachable = true;
                }
                if (!round.failedIds().isEmpty()) {
                    LOG.infof(
                            "%s: %d of %d message(s) left for redelivery",
                            function, round.failedIds().size(), round.received().size());
                }
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                if (reachable) {
                    LOG.warnf(
                            "the queue %s does not answer (%s); retrying every %d s",
                            settings.url(), e.getMessage(), RETRY_AFTER.toSeconds());
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
            return handler.handleRequest(
                    mapping.toEvent(batch, settings.region()), SyntheticLambdaContext.invocation(function, timeout));
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
