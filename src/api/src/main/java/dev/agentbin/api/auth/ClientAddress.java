package dev.agentbin.api.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address for attempt budgets: the peer the platform reports (on Lambda, API Gateway's
 * source IP, which the handler makes the request's remote address; locally, the socket's).
 * X-Forwarded-For is not trusted: a client could write anything there and spend another address's budget.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(HttpServerRequest http) {
        SocketAddress peer = http.remoteAddress();
        return peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    }
}
