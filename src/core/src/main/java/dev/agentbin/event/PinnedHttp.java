package dev.agentbin.event;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request to a {@link WebhookTargets.Destination}: the socket goes to the checked address,
 * while the URI's host name is what TLS sends (SNI) and verifies the certificate against, and the Host
 * header. The JDK's HttpClient cannot do that on Java 17 (it resolves the name itself and Host is a
 * restricted header), and Vert.x is not in the delivery function. Only the status of the answer is read
 * (its headers and body are not); one deadline covers connecting, TLS, sending and that status.
 */
final class PinnedHttp {

    /** Enough for any status line and the interim (1xx) answers before it. */
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final SSLSocketFactory tls;
    private final Duration timeout;

    PinnedHttp(SSLContext tls, Duration timeout) {
        this.tls = tls.getSocketFactory();
        this.timeout = timeout;
    }

    /** The answer's status code; an IOException when there was none (refused, timed out, TLS failed, not HTTP). */
    int send(WebhookTargets.Destination destination, String method, Map<String, String> headers, byte[] body)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = destination.uri();
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        try (Socket socket = open(destination, port, https, deadline)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, method, headers, body.length).getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return status(socket, deadline);
        }
    }

    private Socket open(WebhookTargets.Destination destination, int port, boolean https, long deadline)
            throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(destination.address(), port), remainingMillis(deadline));
            if (!https) {
                return plain;
            }
            String host = WebhookTargets.hostOf(destination.uri());
            SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isAddressLiteral(destination.uri().getHost())) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(remainingMillis(deadline));
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static String head(URI uri, String method, Map<String, String> headers, int contentLength) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(uri.getRawAuthority())
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("Content-Length: ")
                .append(contentLength)
                .append("\r\n")
                .append("Connection: close\r\n\r\n")
                .toString();
    }

    /** The final status, past any interim (1xx) answers. */
    private static int status(Socket socket, long deadline) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String line = line(socket, in, deadline, budget);
            if (!line.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
                throw new IOException("not an HTTP/1.x answer");
            }
            int status = Integer.parseInt(line.substring(9, 12));
            if (status >= 200 || status == 101) {
                return status;
            }
            while (!line(socket, in, deadline, budget).isEmpty()) {
                // the interim answer's headers
            }
        }
    }

    private static String line(Socket socket, InputStream in, long deadline, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (budget[0]-- <= 0) {
                throw new IOException("the answer's head is over " + MAX_HEAD_BYTES + " bytes");
            }
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b == -1) {
                throw new IOException("the connection closed before the answer's status");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long millis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (millis <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (int) millis;
    }

    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
