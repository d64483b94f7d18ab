package dev.agentbin.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request goes to the pinned address while the name is used for TLS and Host: a receiver on
 * 127.0.0.1 whose certificate names only {@code hook.example.test} (a name no DNS answers).
 */
class PinnedHttpTest {

    private static final String NAME = "hook.example.test";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path dir;

    static SSLContext clientTls;
    static HttpsServer receiver;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final List<String> serverNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() throws Exception {
        Path keystore = dir.resolve("hook.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "hook",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + NAME,
                        "-ext",
                        "SAN=dns:" + NAME,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        receiver = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        receiver.setHttpsConfigurator(new HttpsConfigurator(serverTls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        serverNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        receiver.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " Host="
                    + exchange.getRequestHeaders().getFirst("Host") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/moved") ? 302 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    private static WebhookTargets.Destination pinned(String uri) {
        return new WebhookTargets.Destination(URI.create(uri), LOOPBACK);
    }

    @Test
    void connectsToTheAddressAndSendsTheNameForTlsAndHost() throws Exception {
        PinnedHttp http = new PinnedHttp(clientTls, Duration.ofSeconds(5));
        String uri = "https://" + NAME + ":" + receiver.getAddress().getPort() + "/hooks/agentbin?x=1";

        int status = http.send(
                pinned(uri),
                "PUT",
                Map.of("Content-Type", "application/json"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals(204, status);
        assertTrue(serverNames.contains(NAME), "SNI: " + serverNames);
        assertTrue(
                received.contains("PUT /hooks/agentbin?x=1 Host=" + NAME + ":"
                        + receiver.getAddress().getPort() + " {\"a\":1}"),
                received.toString());
    }

    @Test
    void theCertificateIsVerifiedAgainstTheNameNotTheAddress() {
        PinnedHttp http = new PinnedHttp(clientTls, Duration.ofSeconds(5));
        String uri = "https://other.example.test:" + receiver.getAddress().getPort() + "/hooks";

        SSLHandshakeException refused =
                assertThrows(SSLHandshakeException.class, () -> http.send(pinned(uri), "POST", Map.of(), new byte[0]));
        assertTrue(String.valueOf(refused.getMessage()).contains("other.example.test"), refused.toString());
    }

    @Test
    void aRedirectIsTheAnswerNotFollowed() throws Exception {
        PinnedHttp http = new PinnedHttp(clientTls, Duration.ofSeconds(5));
        String uri = "https://" + NAME + ":" + receiver.getAddress().getPort() + "/moved";
        assertEquals(302, http.send(pinned(uri), "POST", Map.of(), new byte[0]));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, LOOPBACK)) {
            PinnedHttp http = new PinnedHttp(clientTls, Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThrows(
                    SocketTimeoutException.class,
                    () -> http.send(
                            pinned("http://" + NAME + ":" + silent.getLocalPort() + "/"),
                            "POST",
                            Map.of(),
                            new byte[0]));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2000);
        }
    }
}
