package dev.agentbin.api.auth;

import dev.agentbin.access.Caller;
import dev.agentbin.api.web.ErrorReasons;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /auth/login: the token in the body and in an HttpOnly, Secure, SameSite=Strict cookie. */
@Tag(
        name = "Auth",
        description = "Logging in and out, and setting a forgotten password. Outside /v1.0, as in the"
                + " reference, and public.")
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
    @Operation(
            operationId = "login",
            summary = "Log in",
            description =
                    "An agent's token (an RS256 JWT) for its username and password. Send it as Authorization: Bearer"
                            + " (or the token cookie, which this answer sets, or ?token=). Failed logins spend budgets per"
                            + " username and address, per username and per address.")
    @APIResponse(
            responseCode = "200",
            description = "The token, also set as the token cookie",
            headers =
                    @Header(
                            name = "Set-Cookie",
                            description = "token=<the token>; Path=/; Secure; HttpOnly;" + " SameSite=Strict",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = ErrorReasons.INVALID_LOGIN)
    @APIResponse(responseCode = "429", description = ErrorReasons.TOO_MANY_LOGINS)
    @APIResponse(responseCode = "503", description = ErrorReasons.UNAVAILABLE)
    public Response login(
            @Valid @NotNull(message = "a JSON body with username and password is required") LoginRequest request,
            @Context HttpServerRequest http) {
        Caller caller = logins.login(request.username(), request.password(), ClientAddress.of(http));
        String token = tokens.issue(caller);
        return Response.ok(new LoginResponse(request.username(), token))
                .cookie(TokenCookie.of(token, tokens.lifetimeSeconds()))
                .build();
    }
}
