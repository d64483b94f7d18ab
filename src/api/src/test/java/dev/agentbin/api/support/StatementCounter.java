package dev.agentbin.api.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts the SQL statements of the requests a test marks with {@link #HEADER}, and only theirs: the
 * session factory's statistics would also count whatever else the app does meanwhile (a late provider
 * webhook of an earlier test, say). A request is served on one worker thread, filters included, so the
 * mark is held per thread from the first filter to the response.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    public static final String HEADER = "X-Test-Count-Statements";
    private static final ThreadLocal<String> MARK = new ThreadLocal<>();
    private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    /** A new mark to send in {@link #HEADER}. */
    public static String newMark() {
        return UUID.randomUUID().toString();
    }

    /** The statements run so far for requests with this mark. */
    public static long count(String mark) {
        AtomicLong count = COUNTS.get(mark);
        return count == null ? 0 : count.get();
    }

    @Override
    public String inspect(String sql) {
        String mark = MARK.get();
        if (mark != null) {
            COUNTS.computeIfAbsent(mark, m -> new AtomicLong()).incrementAndGet();
        }
        return sql;
    }

    /** Marks the worker thread for the length of a marked request. */
    public static class RequestMarks {

        /** Before authentication, whose re-read of the caller is one of the request's statements. */
        @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 1)
        public void mark(ContainerRequestContext request) {
            String mark = request.getHeaderString(HEADER);
            if (mark == null) {
                MARK.remove();
            } else {
                MARK.set(mark);
            }
        }

        @ServerResponseFilter
        public void unmark() {
            MARK.remove();
        }
    }
}
