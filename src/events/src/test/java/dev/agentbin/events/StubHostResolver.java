package dev.agentbin.events;

import dev.agentbin.event.HostResolver;
import dev.agentbin.event.SystemHostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS for webhook hosts under {@code .hooks.test} (a name no real resolver answers): each name gives
 * the answers the test queued, one per lookup, the last repeated. Other names go to the system's DNS.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class StubHostResolver implements HostResolver {

    private final Map<String, Deque<List<InetAddress>>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private final SystemHostResolver system = new SystemHostResolver();

    /** The answers to the next lookups of host, in order. */
    @SafeVarargs
    public final void answer(String host, List<InetAddress>... inOrder) {
        answers.put(host, new ArrayDeque<>(List.of(inOrder)));
        lookups.put(host, new AtomicInteger());
    }

    public int lookups(String host) {
        return lookups.getOrDefault(host, new AtomicInteger()).get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (!host.endsWith(".hooks.test")) {
            return system.resolve(host);
        }
        Deque<List<InetAddress>> queued = answers.get(host);
        if (queued == null) {
            throw new UnknownHostException(host);
        }
        lookups.get(host).incrementAndGet();
        synchronized (queued) {
            return queued.size() > 1 ? queued.poll() : queued.peek();
        }
    }
}
