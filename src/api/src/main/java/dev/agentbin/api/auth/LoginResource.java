package dev.agentbin.api.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.auth.LoginService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/** POST /auth/login: the token in the body and in an HttpOnly, Secure, SameSite=Strict cookie. */
@SecurityRequirements
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

    @POST
    @PublicRoute
    @APIResponse(responseCode = "200", description = "The token, also set as the token cookie",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    public Response login(@Valid @NotNull(message = "a JSON body with username and password is required") LoginRequest request,
            @Context HttpServerRequest http) {
        Caller caller = logins.login(request.username(), request.password(), ClientAddress.of(http));
        String token = tokens.issue(caller);
        return Response.ok(new LoginResponse(request.username(), token))
                .cookie(TokenCookie.of(token, tokens.lifetimeSeconds()))
                .build();
    }
}
