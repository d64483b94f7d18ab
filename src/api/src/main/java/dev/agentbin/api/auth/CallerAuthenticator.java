package dev.agentbin.api.auth;

import dev.agentbin.auth.CallerLoader;

import dev.agentbin.common.ApiException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every route not marked {@link PublicRoute}. The token is taken from the {@code token}
 * cookie, then the {@code token} query parameter, then {@code Authorization: Bearer}, as the
 * reference does; the agent it names is re-read from the database on every request.
 */
public class CallerAuthenticator {

    static final String TOKEN = "token";
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
        String token = tokenOf(request).orElseThrow(() -> ApiException.unauthenticated(
                "AUTHENTICATION_REQUIRED", "Send a token: the token cookie, ?token= or Authorization: Bearer."));
        Tokens.TokenSubject subject = tokens.verify(token);
        current.set(callers.byToken(subject.agentId(), subject.customerId(), subject.tokenEpoch()).orElseThrow(Tokens::invalid));
    }

    private static boolean isPublic(ResourceInfo resource) {
        return resource.getResourceMethod().isAnnotationPresent(PublicRoute.class)
                || resource.getResourceClass().isAnnotationPresent(PublicRoute.class);
    }

    private static Optional<String> tokenOf(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(TOKEN);
        if (cookie != null && !cookie.getValue().isBlank()) {
            return Optional.of(cookie.getValue());
        }
        String query = request.getUriInfo().getQueryParameters().getFirst(TOKEN);
        if (query != null && !query.isBlank()) {
            return Optional.of(query);
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.startsWith(BEARER) && !header.substring(BEARER.length()).isBlank()) {
            return Optional.of(header.substring(BEARER.length()).trim());
        }
        return Optional.empty();
    }
}
