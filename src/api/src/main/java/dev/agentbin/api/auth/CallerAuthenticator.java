package dev.agentbin.api.auth;

import dev.agentbin.accesskey.AccessKeySecrets;
import dev.agentbin.auth.CallerLoader;
import dev.agentbin.common.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every route not marked {@link PublicRoute}, with the reference's order: a token from the
 * {@code token} cookie, then the {@code token} query parameter, then {@code Authorization: Bearer}; only
 * when there is none, an access key from the {@code accesskey} cookie, then the {@code accesskey} query
 * parameter, then {@code Authorization: Bearer ak_...}. The reference takes keys only in the cookie and the
 * query; the header is ours, so that a long-lived key need not travel in URLs (and so in proxy, CDN and
 * browser logs). A Bearer value is a key when it has the key's marker, a token otherwise. A token that is
 * present decides alone: an invalid one is 401 even with a valid key beside it. The agent or key is
 * re-read from the database on every request.
 */
public class CallerAuthenticator {

    static final String TOKEN = "token";
    static final String ACCESS_KEY = "accesskey";
    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final CallerLoader callers;
    private final CurrentCaller current;

    public CallerAuthenticator(Tokens tokens, CallerLoader callers, CurrentCaller current) {
        this.tokens = tokens;
        this.callers = callers;
        this.current = current;
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || isPublic(resource)) {
            return;
        }
        Optional<String> token = tokenOf(request);
        if (token.isPresent()) {
            Tokens.TokenSubject subject = tokens.verify(token.get());
            current.set(callers.byToken(subject.agentId(), subject.customerId(), subject.tokenEpoch())
                    .orElseThrow(Tokens::invalid));
            return;
        }
        String accessKey = cookieOrQuery(request, ACCESS_KEY)
                .or(() -> bearer(request).filter(AccessKeySecrets::isKeyShaped))
                .orElseThrow(() -> ApiException.unauthenticated(
                        "AUTHENTICATION_REQUIRED",
                        "Send a token (the token cookie, ?token= or Authorization: Bearer) or an access key "
                                + "(Authorization: Bearer ak_..., the accesskey cookie or ?accesskey=)."));
        current.set(callers.byAccessKey(accessKey).orElseThrow(Tokens::invalid));
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(PublicRoute.class)
                || resource.getResourceClass().isAnnotationPresent(PublicRoute.class);
    }

    private static Optional<String> tokenOf(ContainerRequestContext request) {
        Optional<String> token = cookieOrQuery(request, TOKEN);
        if (token.isPresent()) {
            return token;
        }
        return bearer(request).filter(credential -> !AccessKeySecrets.isKeyShaped(credential));
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null
                && header.startsWith(BEARER)
                && !header.substring(BEARER.length()).isBlank()) {
            return Optional.of(header.substring(BEARER.length()).trim());
        }
        return Optional.empty();
    }

    private static Optional<String> cookieOrQuery(ContainerRequestContext request, String name) {
        Cookie cookie = request.getCookies().get(name);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return Optional.of(cookie.getValue());
        }
        String query = request.getUriInfo().getQueryParameters().getFirst(name);
        if (query != null && !query.isBlank()) {
            return Optional.of(query);
        }
        return Optional.empty();
    }
}
