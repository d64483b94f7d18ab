package dev.agentbin.api.telephony;

import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.auth.PublicRoute;
import dev.agentbin.telephony.WebhookReply;
import dev.agentbin.telephony.ProviderCallback;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * Provider webhooks. Authenticated by each provider's own signature, not by an agent token: the provider
 * named in the path verifies its request before anything is read from it (see TelephonyProvider#onWebhook).
 */
@SecurityRequirements
@Path("/v1.0/telephony/{provider}")
@PublicRoute
public class TelephonyWebhookResource {

    private final AgentCallService agentCalls;

    public TelephonyWebhookResource(AgentCallService agentCalls) {
        this.agentCalls = agentCalls;
    }

    /** Call-progress events; answered with 204 (Twilio ignores the body of a status callback). */
    @POST
    @Path("/events")
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, ignored)")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response events(@PathParam("provider") String provider, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return handle(provider, ProviderCallback.Hook.EVENTS, uri, headers, body);
    }

    /** The provider asks what to do with a leg that picked up (Twilio fetching its TwiML): the answer race is decided here. */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("provider") String provider, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return handle(provider, ProviderCallback.Hook.ANSWER, uri, headers, body);
    }

    /** The key a person pressed to confirm an answered leg (answer confirmation "key"): the race is decided here. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("provider") String provider, @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return handle(provider, ProviderCallback.Hook.CONFIRM, uri, headers, body);
    }

    private Response handle(String provider, ProviderCallback.Hook hook, UriInfo uri, HttpHeaders headers, byte[] body) {
        WebhookReply reply = agentCalls.onWebhook(provider, new ProviderCallback(hook, uri.getQueryParameters()::getFirst,
                headers.getRequestHeaders()::getFirst, body));
        return reply.isEmpty() ? Response.noContent().build() : Response.ok(reply.body(), reply.contentType()).build();
    }
}
