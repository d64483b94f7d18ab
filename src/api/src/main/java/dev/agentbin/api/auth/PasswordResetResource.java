package dev.agentbin.api.auth;

import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.auth.PasswordResetService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Password forgot and reset, outside /v1.0 as in the reference: the forgot request mails a one-time link
 * to the reset form, whose POST sets the password.
 */
@Tag(name = "Auth")
@SecurityRequirements
@Path("/auth")
@PublicRoute
public class PasswordResetResource {

    private final PasswordResetService resets;

    public PasswordResetResource(PasswordResetService resets) {
        this.resets = resets;
    }

    /** 200 {} for every username, in the same time; a live agent gets the link by mail. */
    @POST
    @Path("/password-forgot")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Ask for a password reset link",
            description =
                    "A live agent of this username is mailed a one-time link to the reset form, valid for an hour."
                            + " The answer is the same {} in the same time for every username.")
    @APIResponse(responseCode = "200", description = "{}, whether the username exists or not")
    @APIResponse(responseCode = "429", description = ErrorReasons.TOO_MANY_RESETS)
    @APIResponse(responseCode = "503", description = ErrorReasons.PASSWORD_RESET_UNAVAILABLE + ErrorReasons.UNAVAILABLE)
    public Map<String, Object> forgot(
            @Valid @NotNull(message = "a JSON body with username is required") PasswordForgotRequest request,
            @Context HttpServerRequest http) {
        resets.forgot(request.username(), ClientAddress.of(http));
        return Map.of();
    }

    /**
     * The form. Only the token's format is checked here (400 otherwise, as the reference): whether it is
     * live shows when the form is sent. The token is in the URL, so the page sends no Referer and is not stored.
     */
    @GET
    @Path("/password-reset")
    @Produces(MediaType.TEXT_HTML)
    @Operation(
            operationId = "getPasswordResetForm",
            summary = "The password reset form (a page)",
            description = "Where the mailed link leads: an HTML form that posts the new password to POST"
                    + " /auth/password-reset.")
    @APIResponse(
            responseCode = "200",
            description = "The reset form",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(
            responseCode = "400",
            description = "Not a token: a page saying so",
            content = @Content(mediaType = MediaType.TEXT_HTML))
    public Response form(
            @Parameter(name = "token", in = ParameterIn.QUERY, description = "The link's token (64 hex characters)")
                    @QueryParam("token")
                    String token) {
        ResetPage page = new ResetPage();
        boolean wellFormed = PasswordResetService.wellFormed(token);
        return Response.status(wellFormed ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(wellFormed ? page.form(token) : page.invalidLink())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", page.contentSecurityPolicy())
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** 200 {}; 400 INVALID_RESET_TOKEN for an unknown, used or expired link alike; 400 INVALID_ARGUMENT for a weak password. */
    @POST
    @Path("/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resetPassword",
            summary = "Set a password with a reset link's token",
            description = "Spends the link (and the agent's other links) and revokes every token issued before.")
    @APIResponse(responseCode = "200", description = "{}: the password is set")
    @APIResponse(responseCode = "400", description = ErrorReasons.INVALID_RESET_TOKEN)
    @APIResponse(responseCode = "503", description = ErrorReasons.UNAVAILABLE)
    public Map<String, Object> reset(
            @Valid @NotNull(message = "a JSON body with token and password is required") PasswordResetRequest request) {
        resets.reset(request.token(), request.password());
        return Map.of();
    }
}
