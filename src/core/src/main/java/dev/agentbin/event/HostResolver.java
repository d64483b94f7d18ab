package dev.agentbin.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a webhook's host name into its addresses; the system's DNS deployed, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
