package dev.agentbin.api.event;

import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.common.Ids;
import dev.agentbin.event.WebhookSettingsRequest;
import dev.agentbin.event.WebhookSettingsService;
import dev.agentbin.event.WebhookView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * /v1.0/customers/{id}/webhook: where a customer's events are delivered (the reference's webhook_uri and
 * webhook_method) and the secret they are signed with. The customer's admins, or a superadmin.
 */
@Path("/v1.0/customers/{id}/webhook")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookSettingsService webhooks;
    private final CurrentCaller caller;

    public WebhookResource(WebhookSettingsService webhooks, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @GET
    public WebhookView get(@PathParam("id") String customerId) {
        return webhooks.get(caller.get(), Ids.pathId(customerId));
    }

    /** Creating answers with signing_secret, once; replacing keeps the secret. */
    @PUT
    public WebhookView put(@PathParam("id") String customerId,
            @Valid @NotNull(message = "a JSON body is required") WebhookSettingsRequest request) {
        return webhooks.put(caller.get(), Ids.pathId(customerId), request);
    }

    @DELETE
    public WebhookView delete(@PathParam("id") String customerId) {
        return webhooks.delete(caller.get(), Ids.pathId(customerId));
    }

    /** A new signing_secret, shown in this answer only; the previous one also signs for a day. */
    @POST
    @Path("/secret")
    public WebhookView rotateSecret(@PathParam("id") String customerId) {
        return webhooks.rotateSecret(caller.get(), Ids.pathId(customerId));
    }
}
