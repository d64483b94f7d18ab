package dev.agentbin.local.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * When the server itself handled each probed request (see {@link Http}), in the server's own clock:
 * request filters run on the thread that runs the resource method, after any queueing in front of it, so
 * two spans that overlap are two requests that really were being handled at the same time. A server
 * that queued requests (like the Lambda mock event server) would show spans one after another.
 */
public class ServerTimeline {

    /** Handling of one request, System.nanoTime() at its start and end. */
    public record Span(long startNanos, long endNanos) {}

    private static final Map<String, Long> STARTS = new ConcurrentHashMap<>();
    private static final Map<String, Span> SPANS = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void started(ContainerRequestContext request) {
        String probe = request.getHeaderString(Http.PROBE);
        if (probe != null) {
            STARTS.put(probe, System.nanoTime());
        }
    }

    @ServerResponseFilter
    public void ended(ContainerRequestContext request) {
        String probe = request.getHeaderString(Http.PROBE);
        Long start = probe == null ? null : STARTS.remove(probe);
        if (start != null) {
            SPANS.put(probe, new Span(start, System.nanoTime()));
        }
    }

    public static Span of(String probe) {
        Span span = SPANS.get(probe);
        if (span == null) {
            throw new AssertionError("the server recorded no handling of request " + probe);
        }
        return span;
    }

    /** The spans in milliseconds from the earliest start, for the test's output. */
    public static String describe(Collection<String> probes) {
        List<Span> spans = probes.stream().map(ServerTimeline::of).toList();
        long origin = spans.stream().mapToLong(Span::startNanos).min().orElseThrow();
        return spans.stream()
                .map(span -> String.format(
                        "%.1f-%.1f ms", (span.startNanos() - origin) / 1e6, (span.endNanos() - origin) / 1e6))
                .toList()
                .toString();
    }

    /** True when every request was being handled while every other was: the latest start is before the earliest end. */
    public static boolean allOverlap(Collection<String> probes) {
        List<Span> spans = probes.stream().map(ServerTimeline::of).toList();
        long latestStart = spans.stream().mapToLong(Span::startNanos).max().orElseThrow();
        long earliestEnd = spans.stream().mapToLong(Span::endNanos).min().orElseThrow();
        return latestStart < earliestEnd;
    }
}
