package dev.agentbin.api.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * POST /auth/logout: 204 with the token cookie expired, so the browser forgets it. Public, so that a
 * page holding an expired or revoked token can still clear it. A token copied elsewhere stays valid
 * until it expires or the agent's password changes (tokens are not stored server-side).
 */
@Path("/auth/logout")
public class LogoutResource {

    @POST
    @PublicRoute
    public Response logout() {
        return Response.noContent().cookie(TokenCookie.expired()).build();
    }
}
