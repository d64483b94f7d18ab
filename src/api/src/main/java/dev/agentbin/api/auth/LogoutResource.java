package dev.agentbin.api.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * POST /auth/logout: 204 with the token cookie expired, so the browser forgets it. Public, so that a
 * page holding an expired or revoked token can still clear it. A token copied elsewhere stays valid
 * until it expires or the agent's password changes (tokens are not stored server-side).
 */
@Tag(name = "Auth")
@SecurityRequirements
@Path("/auth/logout")
public class LogoutResource {

    @POST
    @PublicRoute
    @Operation(
            operationId = "logout",
            summary = "Log out (forget the token cookie)",
            description =
                    "Expires the token cookie. The token itself stays valid until it expires or the agent's password"
                            + " changes.")
    @APIResponse(
            responseCode = "204",
            description = "The cookie is expired",
            headers =
                    @Header(
                            name = "Set-Cookie",
                            description = "token=; Max-Age=0 (and the attributes login set)",
                            schema = @Schema(type = SchemaType.STRING)))
    public Response logout() {
        return Response.noContent().cookie(TokenCookie.expired()).build();
    }
}
