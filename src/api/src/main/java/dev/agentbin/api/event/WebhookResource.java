package dev.agentbin.api.event;

import dev.agentbin.api.auth.CurrentCaller;
import dev.agentbin.api.web.ErrorReasons;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * /v1.0/customers/{id}/webhook: where a customer's events are delivered (the reference's webhook_uri and
 * webhook_method) and the secret they are signed with. The customer's admins, or a superadmin.
 */
@Tag(
        name = "Webhooks",
        description = "Where a customer's events (see webhooks) are delivered, and the secret they are"
                + " signed with. The customer's admins, or a superadmin for any customer.")
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
    @Operation(
            operationId = "getWebhook",
            summary = "Get the customer's webhook",
            description = "Its webhook_uri and webhook_method, never its secret.")
    @APIResponse(responseCode = "200", description = "The webhook (without its secret)")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.WEBHOOK_NOT_FOUND)
    public WebhookView get(@Parameter(description = "The customer's id") @PathParam("id") String customerId) {
        return webhooks.get(caller.get(), Ids.pathId(customerId));
    }

    /** Creating answers with signing_secret, once; replacing keeps the secret. */
    @PUT
    @Operation(
            operationId = "setWebhook",
            summary = "Set the customer's webhook",
            description = "Creates or replaces it: events are delivered to webhook_uri (https, on a host whose every"
                    + " address is public) with webhook_method (POST, the default, or PUT). The answer that creates it"
                    + " carries signing_secret (whsec_...), this once; replacing it keeps the secret.")
    @APIResponse(responseCode = "200", description = "The webhook; with signing_secret when this request created it")
    @APIResponse(responseCode = "400", description = ErrorReasons.INVALID_WEBHOOK_URI)
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.CUSTOMER_NOT_FOUND)
    public WebhookView put(
            @Parameter(description = "The customer's id") @PathParam("id") String customerId,
            @Valid @NotNull(message = "a JSON body is required") WebhookSettingsRequest request) {
        return webhooks.put(caller.get(), Ids.pathId(customerId), request);
    }

    @DELETE
    @Operation(
            operationId = "deleteWebhook",
            summary = "Remove the customer's webhook",
            description = "No more deliveries; queued ones are dropped.")
    @APIResponse(responseCode = "200", description = "The webhook, removed")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.WEBHOOK_NOT_FOUND)
    public WebhookView delete(@Parameter(description = "The customer's id") @PathParam("id") String customerId) {
        return webhooks.delete(caller.get(), Ids.pathId(customerId));
    }

    /** A new signing_secret, shown in this answer only; the previous one also signs for a day. */
    @POST
    @Path("/secret")
    @Operation(
            operationId = "rotateWebhookSecret",
            summary = "Rotate the webhook's signing secret",
            description = "A new signing_secret, in this answer only; the previous one keeps signing beside it for a"
                    + " grace period (a day by default), so receivers switch without losing events.")
    @APIResponse(responseCode = "200", description = "The webhook, with its new signing_secret (this once)")
    @APIResponse(responseCode = "403", description = ErrorReasons.NOT_ADMIN)
    @APIResponse(responseCode = "404", description = ErrorReasons.WEBHOOK_NOT_FOUND)
    public WebhookView rotateSecret(@Parameter(description = "The customer's id") @PathParam("id") String customerId) {
        return webhooks.rotateSecret(caller.get(), Ids.pathId(customerId));
    }
}
