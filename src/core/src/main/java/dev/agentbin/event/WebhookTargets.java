package dev.agentbin.event;

import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. Deployed: https only, on a host whose every address is public, so the
 * service cannot be aimed at its own network (the VPC, the instance metadata address, localhost). The
 * check runs when the webhook is set and again before each delivery, since DNS answers can change.
 * Local runs (agentbin.events.webhook.allow-local-targets) also allow http and any address.
 */
@ApplicationScoped
public class WebhookTargets {

    public static final int MAX_LENGTH = 2048;

    private final boolean allowLocal;

    @Inject
    public WebhookTargets(EventSettings settings) {
        this(settings.webhook().allowLocalTargets());
    }

    WebhookTargets(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** The URI to store; 400 INVALID_WEBHOOK_URI naming what is wrong otherwise. */
    public URI check(String value) {
        URI uri = parse(value).orElseThrow(() -> invalid("webhook_uri must be an absolute http(s) URL"));
        refusal(uri).ifPresent(reason -> {
            throw invalid(reason);
        });
        return uri;
    }

    /** Why a delivery to this URI must not go out now, if it must not. */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            return Optional.of("webhook_uri must use https");
        }
        if (allowLocal) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("webhook_uri host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("webhook_uri host " + uri.getHost() + " resolves to a non-public address");
            }
        }
        return Optional.empty();
    }

    /** Loopback, private, link-local (metadata), carrier-grade NAT, unique-local, multicast and unspecified are not. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 240;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        return false;
    }

    private static Optional<URI> parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            boolean web = uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"));
            if (!uri.isAbsolute() || !web || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid("INVALID_WEBHOOK_URI", message);
    }
}
