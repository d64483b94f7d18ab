package dev.agentbin.event;

import dev.agentbin.common.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point. Deployed: https only, on a host whose every address is public (global
 * unicast, see {@link PublicAddresses}), so the service cannot be aimed at its own network (the VPC, the
 * instance metadata address, localhost). The check runs when the webhook is set and again before each
 * delivery, since DNS answers change; the delivery then connects to the address that was checked, so a
 * second DNS answer (rebinding) never gets a say. Local runs (agentbin.events.webhook.allow-local-targets)
 * also allow http and any address.
 */
@ApplicationScoped
public class WebhookTargets {

    public static final int MAX_LENGTH = 2048;

    /** The one answer for every refused host: which names exist or where they point stays unsaid. */
    static final String REFUSED = "webhook_uri must be https on a host whose every address is public";

    /** Where a delivery connects: the checked address; the URI's host still names the server (TLS, Host). */
    public record Destination(URI uri, InetAddress address) {}

    /** A webhook that must not be called (now); the message is the admin's, the detail the operator's. */
    public static final class Refused extends Exception {

        private final String detail;

        Refused(String message, String detail) {
            super(message, null, false, false);
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    private final boolean allowLocal;
    private final HostResolver resolver;

    @Inject
    public WebhookTargets(EventSettings settings, HostResolver resolver) {
        this(settings.webhook().allowLocalTargets(), resolver);
    }

    WebhookTargets(boolean allowLocal, HostResolver resolver) {
        this.allowLocal = allowLocal;
        this.resolver = resolver;
    }

    /** The URI to store; 400 INVALID_WEBHOOK_URI otherwise. */
    public URI check(String value) {
        URI uri = parse(value).orElseThrow(() -> invalid("webhook_uri must be an absolute http(s) URL"));
        try {
            destination(uri);
        } catch (Refused e) {
            throw invalid(e.getMessage());
        }
        return uri;
    }

    /** Resolves the host once and checks every address; a delivery connects to the one returned. */
    public Destination destination(URI uri) throws Refused {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            throw new Refused("webhook_uri must use https", "scheme " + scheme);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(hostOf(uri));
        } catch (UnknownHostException e) {
            throw new Refused(REFUSED, "the host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new Refused(REFUSED, "the host has no address");
        }
        if (!allowLocal) {
            for (InetAddress address : addresses) {
                if (!PublicAddresses.isPublic(address)) {
                    throw new Refused(
                            REFUSED, "the host resolves to " + address.getHostAddress() + ", not a public address");
                }
            }
        }
        return new Destination(uri, addresses.get(0));
    }

    /** The host as a resolver or TLS takes it: an IPv6 literal without its brackets. */
    static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    private static Optional<URI> parse(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            boolean web = uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("https")
                            || uri.getScheme().equalsIgnoreCase("http"));
            if (!uri.isAbsolute()
                    || !web
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getFragment() != null) {
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
