package dev.agentbin.api.auth;

import dev.agentbin.auth.LoginService;

import dev.agentbin.agent.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** POST /auth/login: the token in the body and in an HttpOnly, Secure, SameSite=Strict cookie. */
@Path("/auth/login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    private final LoginService logins;
    private final Tokens tokens;

    public LoginResource(LoginService logins, Tokens tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    /**
     * The source address is the peer the platform reports: on Lambda, API Gateway's source IP (the
     * handler makes it the request's remote address); locally, the socket's. X-Forwarded-For is not
     * trusted: a client could write anything there and spend another address's budget.
     */
    @POST
    @PublicRoute
    public Response login(@Valid @NotNull(message = "a JSON body with username and password is required") LoginRequest request,
            @Context HttpServerRequest http) {
        SocketAddress peer = http.remoteAddress();
        String source = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        Caller caller = logins.login(request.username(), request.password(), source);
        String token = tokens.issue(caller);
        return Response.ok(new LoginResponse(request.username(), token))
                .cookie(TokenCookie.of(token, tokens.lifetimeSeconds()))
                .build();
    }
}
