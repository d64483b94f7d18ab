package dev.agentbin.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names resolve through a stub that answers with the given addresses (IPv6 ones kept as IPv6, the way
 * a DNS AAAA answer arrives, even the IPv4-mapped ones), so no test depends on DNS.
 */
class WebhookTargetsTest {

    static final String REFUSED = "webhook_uri must be https on a host whose every address is public";

    /** "addr1 addr2" answers those addresses; "none" does not resolve. */
    private static HostResolver answering(String addresses) {
        return host -> {
            if (addresses.equals("none")) {
                throw new UnknownHostException(host);
            }
            List<InetAddress> answer = new ArrayList<>();
            for (String literal : addresses.trim().split(" +")) {
                byte[] bytes = InetAddress.getByName(literal).getAddress();
                if (literal.contains(":") && bytes.length == 4) {
                    // the JDK turns ::ffff:a.b.c.d literals into IPv4; a resolver's AAAA answer stays IPv6
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xff;
                    mapped[11] = (byte) 0xff;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    bytes = mapped;
                }
                answer.add(
                        bytes.length == 16
                                ? Inet6Address.getByAddress(host, bytes, -1)
                                : InetAddress.getByAddress(host, bytes));
            }
            return answer;
        };
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "does not resolve                    | none",
                "IPv4-mapped private                 | ::ffff:10.0.0.5",
                "IPv4-mapped loopback                | ::ffff:127.0.0.1",
                "IPv4-mapped metadata                | ::ffff:169.254.169.254",
                "IPv4-translated (SIIT)              | ::ffff:0:a00:5",
                "NAT64 well-known prefix, private    | 64:ff9b::a00:5",
                "NAT64 well-known prefix, metadata   | 64:ff9b::a9fe:a9fe",
                "NAT64 local-use prefix              | 64:ff9b:1::a00:5",
                "IPv4-compatible private             | ::a00:5",
                "IPv4-compatible loopback            | ::7f00:1",
                "6to4 of a private address           | 2002:a00:5::1",
                "6to4 of the metadata address        | 2002:a9fe:a9fe::1",
                "Teredo (client 10.0.0.5 obfuscated) | 2001:0:4136:e378:8000:63bf:f5ff:fffa",
                "one public, one private             | 8.8.8.8 10.0.0.5",
                "one public, one mapped private      | 2606:4700:4700::1111 ::ffff:192.168.1.1",
                "this network                        | 0.1.2.3",
                "private 10/8                        | 10.1.2.3",
                "carrier-grade NAT                   | 100.64.0.1",
                "loopback                            | 127.0.0.1",
                "link-local (metadata)               | 169.254.169.254",
                "private 172.16/12                   | 172.31.255.255",
                "IETF protocol assignments           | 192.0.0.8",
                "documentation TEST-NET-1            | 192.0.2.1",
                "6to4 relay anycast                  | 192.88.99.1",
                "private 192.168/16                  | 192.168.1.1",
                "benchmarking                        | 198.19.0.1",
                "documentation TEST-NET-2            | 198.51.100.1",
                "documentation TEST-NET-3            | 203.0.113.1",
                "multicast                           | 239.255.255.250",
                "reserved 240/4                      | 240.0.0.1",
                "broadcast                           | 255.255.255.255",
                "IPv6 unspecified                    | ::",
                "IPv6 loopback                       | ::1",
                "discard-only                        | 100::1",
                "IPv6 benchmarking                   | 2001:2::1",
                "IPv6 documentation                  | 2001:db8::1",
                "IPv6 documentation (3fff::/20)      | 3fff::1",
                "SRv6 SIDs                           | 5f00::1",
                "unique local                        | fd00::1",
                "site-local (deprecated)             | fec0::1",
                "link-local                          | fe80::1",
                "IPv6 multicast                      | ff02::1"
            })
    void deployedRefusesEveryAddressFormThatCouldReachANonPublicNetwork(String form, String addresses) {
        WebhookTargets deployed = new WebhookTargets(false, answering(addresses));

        ApiException refused =
                assertThrows(ApiException.class, () -> deployed.check("https://hook.internal.example/hook"), form);

        assertEquals("INVALID_WEBHOOK_URI", refused.reason());
        assertEquals(REFUSED, refused.getMessage(), "one message for every refused target, naming nothing");
        assertFalse(refused.getMessage().contains("hook.internal.example"));
        assertEquals(ErrorStatus.INVALID_ARGUMENT, refused.status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "2606:4700:4700::1111",
                "8.8.8.8 2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void deployedAcceptsHttpsOnGlobalUnicastAddressesIncludingPublicOnesEmbeddedInIpv6(String addresses) {
        WebhookTargets deployed = new WebhookTargets(false, answering(addresses));
        assertEquals(
                URI.create("https://hooks.example.com:8443/a/b?c=d"),
                deployed.check("https://hooks.example.com:8443/a/b?c=d"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://hooks.example.com/hook                | webhook_uri must use https",
                "ftp://hooks.example.com/hook                 | webhook_uri must be an absolute http(s) URL",
                "/relative                                    | webhook_uri must be an absolute http(s) URL",
                "https://user:pw@hooks.example.com/hook       | webhook_uri must be an absolute http(s) URL",
                "https://hooks.example.com/hook#fragment      | webhook_uri must be an absolute http(s) URL"
            })
    void deployedRefusesWhatIsNotAnHttpsUrl(String uri, String message) {
        WebhookTargets deployed = new WebhookTargets(false, answering("8.8.8.8"));
        ApiException refused = assertThrows(ApiException.class, () -> deployed.check(uri));
        assertEquals("INVALID_WEBHOOK_URI", refused.reason());
        assertEquals(message, refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000/hook", "http://localhost:8000/", "https://10.0.0.5/hook"})
    void localRunsAllowLoopbackPrivateAndHttp(String uri) throws Exception {
        WebhookTargets local = new WebhookTargets(true, new SystemHostResolver());
        assertEquals(URI.create(uri), local.destination(local.check(uri)).uri());
    }

    @Test
    void theDestinationIsTheAddressTheOneLookupAnsweredAndThatWasChecked() throws Exception {
        List<String> lookups = new ArrayList<>();
        WebhookTargets deployed = new WebhookTargets(false, host -> {
            lookups.add(host);
            return answering(lookups.size() == 1 ? "8.8.8.8" : "10.0.0.5").resolve(host);
        });

        WebhookTargets.Destination destination = deployed.destination(URI.create("https://hooks.example.com/hook"));

        assertEquals(InetAddress.getByName("8.8.8.8"), destination.address());
        assertEquals(List.of("hooks.example.com"), lookups);
    }

    @Test
    void aDeliveryIsRefusedWithTheReasonForTheOperator() {
        WebhookTargets deployed = new WebhookTargets(false, answering("8.8.8.8 ::ffff:10.0.0.5"));
        WebhookTargets.Refused refused = assertThrows(
                WebhookTargets.Refused.class, () -> deployed.destination(URI.create("https://hooks.example.com/hook")));
        assertEquals(REFUSED, refused.getMessage());
        assertEquals("the host resolves to 0:0:0:0:0:ffff:a00:5, not a public address", refused.detail());
    }
}
