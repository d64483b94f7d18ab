package dev.agentbin.events;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A customer's webhook receiver on 127.0.0.1: records every request (method, Standard Webhooks headers,
 * body) and answers with the queued statuses, then 200. It can be stopped ("down"): its port then refuses
 * connections.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Delivery(
            String method,
            String host,
            String id,
            String timestamp,
            String signature,
            String contentType,
            String body,
            long receivedAtNanos) {}

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final int port;
    private Consumer<Delivery> onDelivery = delivery -> {};
    private HttpServer server;

    WebhookReceiver() {
        this.port = start();
    }

    String url() {
        return url("127.0.0.1");
    }

    /** The receiver's URL by another name (one that resolves to 127.0.0.1). */
    String url(String host) {
        return "http://" + host + ":" + port + "/hooks/agentbin";
    }

    int port() {
        return port;
    }

    synchronized WebhookReceiver answering(Integer... statusesInOrder) {
        statuses.addAll(List.of(statusesInOrder));
        return this;
    }

    WebhookReceiver onDelivery(Consumer<Delivery> callback) {
        this.onDelivery = callback;
        return this;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    void down() {
        server.stop(0);
        server = null;
    }

    private synchronized int nextStatus() {
        Integer status = statuses.poll();
        return status == null ? 200 : status;
    }

    private int start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/agentbin", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            Delivery delivery = new Delivery(
                    exchange.getRequestMethod(),
                    first(headers, "host"),
                    first(headers, "webhook-id"),
                    first(headers, "webhook-timestamp"),
                    first(headers, "webhook-signature"),
                    first(headers, "content-type"),
                    body,
                    System.nanoTime());
            deliveries.add(delivery);
            onDelivery.accept(delivery);
            exchange.sendResponseHeaders(nextStatus(), -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst()
                .map(e -> e.getValue().get(0))
                .orElse(null);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
