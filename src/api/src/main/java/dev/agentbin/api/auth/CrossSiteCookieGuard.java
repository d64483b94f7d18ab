package dev.agentbin.api.auth;

import dev.agentbin.common.ApiException;
import dev.agentbin.common.ErrorStatus;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A browser attaches the {@code token} and {@code accesskey} cookies to whatever page makes the request,
 * and a request without a body (hangup, webhook secret, logout) needs no preflight, so any page of the same
 * site (a sibling subdomain; SameSite does not separate those) could make a signed-in browser change state.
 * A state change carried by a cookie must therefore come from the service's own pages: by the browser's
 * {@code Sec-Fetch-Site} (same-origin, or none for a navigation the user typed), or where a browser sends
 * none, by {@code Origin}, which must then be this service's. A client sending neither header is no
 * browser. A header token or an access key in the query or a header is no ambient credential: a page of
 * another origin cannot make a browser send it, so those requests are never refused here.
 */
public class CrossSiteCookieGuard {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OWN_SITE_FETCHES = Set.of("same-origin", "none");

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void refuseCrossSiteCookieWrites(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod()) || !carriesCredentialCookie(request)) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        boolean ownPage = site != null
                ? OWN_SITE_FETCHES.contains(site)
                : isOwnOrigin(request.getHeaderString("Origin"), request.getHeaderString(HttpHeaders.HOST));
        if (!ownPage) {
            throw new ApiException(
                    ErrorStatus.PERMISSION_DENIED,
                    "CROSS_SITE_REQUEST",
                    "A change authenticated by a cookie must come from this service's own pages; "
                            + "another site (or a sibling subdomain) cannot make it. Other clients send the token "
                            + "as Authorization: Bearer.");
        }
    }

    private static boolean carriesCredentialCookie(ContainerRequestContext request) {
        for (String name : new String[] {CallerAuthenticator.TOKEN, CallerAuthenticator.ACCESS_KEY}) {
            Cookie cookie = request.getCookies().get(name);
            if (cookie != null && !cookie.getValue().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** No Origin: not sent by a cross-origin browser request. Otherwise its host and port must be ours. */
    private static boolean isOwnOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        try {
            String authority = new URI(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
