package dev.agentbin.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.common.ApiException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP literals only: no test depends on DNS. */
class WebhookTargetsTest {

    private final WebhookTargets deployed = new WebhookTargets(false);
    private final WebhookTargets local = new WebhookTargets(true);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://127.0.0.1/hook          | webhook_uri host 127.0.0.1 resolves to a non-public address",
            "https://10.1.2.3/hook           | webhook_uri host 10.1.2.3 resolves to a non-public address",
            "https://172.16.0.1/hook         | webhook_uri host 172.16.0.1 resolves to a non-public address",
            "https://192.168.1.1/hook        | webhook_uri host 192.168.1.1 resolves to a non-public address",
            "https://169.254.169.254/latest  | webhook_uri host 169.254.169.254 resolves to a non-public address",
            "https://100.64.0.1/hook         | webhook_uri host 100.64.0.1 resolves to a non-public address",
            "https://0.0.0.0/hook            | webhook_uri host 0.0.0.0 resolves to a non-public address",
            "https://[::1]/hook              | webhook_uri host [::1] resolves to a non-public address",
            "https://[fd00::1]/hook          | webhook_uri host [fd00::1] resolves to a non-public address",
            "http://8.8.8.8/hook             | webhook_uri must use https",
            "ftp://8.8.8.8/hook              | webhook_uri must be an absolute http(s) URL",
            "/relative                       | webhook_uri must be an absolute http(s) URL",
            "https://user:pw@8.8.8.8/hook    | webhook_uri must be an absolute http(s) URL",
            "https://8.8.8.8/hook#fragment   | webhook_uri must be an absolute http(s) URL"})
    void deployedRefusesWhatCouldReachOurOwnNetworkOrIsNotHttps(String uri, String message) {
        ApiException refused = assertThrows(ApiException.class, () -> deployed.check(uri));
        assertEquals("INVALID_WEBHOOK_URI", refused.reason());
        assertEquals(message, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hook", "https://[2001:4860:4860::8888]:8443/a/b?c=d"})
    void deployedAcceptsHttpsOnPublicAddresses(String uri) {
        assertEquals(URI.create(uri), deployed.check(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost:8000/", "https://10.0.0.5/hook"})
    void localRunsAllowLoopbackPrivateAndHttp(String uri) {
        assertEquals(Optional.empty(), local.refusal(local.check(uri)));
    }
}
