package dev.agentbin.auth;

import dev.agentbin.common.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** POST /auth/login: the token in the body and in an HttpOnly, Secure, SameSite=Strict cookie. */
@Path("/auth/login")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

    private final CallerLoader callers;
    private final Tokens tokens;

    public LoginResource(CallerLoader callers, Tokens tokens) {
        this.callers = callers;
        this.tokens = tokens;
    }

    @POST
    @PublicRoute
    public Response login(@Valid @NotNull(message = "a JSON body with username and password is required") LoginRequest request) {
        Caller caller = callers.byPassword(request.username(), request.password())
                .orElseThrow(() -> ApiException.unauthenticated("INVALID_CREDENTIALS", "The username or password is wrong."));
        String token = tokens.issue(caller);
        NewCookie cookie = new NewCookie.Builder(CallerAuthenticator.TOKEN)
                .value(token)
                .path("/")
                .maxAge((int) tokens.lifetimeSeconds())
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
        return Response.ok(new LoginResponse(request.username(), token)).cookie(cookie).build();
    }
}
