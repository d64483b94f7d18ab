package dev.agentbin.api.telephony;

import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.auth.PublicRoute;
import dev.agentbin.api.web.ErrorReasons;
import dev.agentbin.telephony.ProviderCallback;
import dev.agentbin.telephony.WebhookReply;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import dev.agentbin.telephony.twilio.TwilioCallbackUrls;
import dev.agentbin.telephony.twilio.TwilioSignature;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Provider webhooks. Authenticated by each provider's own signature, not by an agent token: the provider
 * named in the path verifies its request before anything is read from it (see TelephonyProvider#onWebhook).
 */
@Tag(
        name = "Telephony callbacks",
        description = "Where telephony providers report on the legs agentbin rang, each request"
                + " signed by the provider. Not for API clients: the provider is configured with these URLs.")
@SecurityRequirements
@Path("/v1.0/telephony/{provider}")
@PublicRoute
public class TelephonyWebhookResource {

    private static final String PROVIDER = "The provider the leg was rung with: simulator or twilio.";
    private static final String SIMULATOR_SIGNATURE = "simulator: HMAC-SHA256 of the body with the simulator's secret.";
    private static final String TWILIO_SIGNATURE = "twilio: Twilio's signature over the callback URL and the form.";
    private static final String TWILIO_LEG = "twilio: the leg, as agentbin put it in the callback URL it gave Twilio.";

    private final AgentCallService agentCalls;

    public TelephonyWebhookResource(AgentCallService agentCalls) {
        this.agentCalls = agentCalls;
    }

    /** Call-progress events; answered with 204 (Twilio ignores the body of a status callback). */
    @POST
    @Path("/events")
    @Operation(
            operationId = "receiveProviderEvent",
            summary = "A leg's progress (provider callback)",
            description = "A leg rang, was answered or ended: applied as a monotonic state change (duplicates and late"
                    + " events change nothing). simulator: a JSON event signed in " + SimulatorSignature.HEADER
                    + "; twilio: a status callback form signed in " + TwilioSignature.HEADER + ".")
    @Parameter(
            name = SimulatorSignature.HEADER,
            in = ParameterIn.HEADER,
            description = SIMULATOR_SIGNATURE,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = TwilioSignature.HEADER,
            in = ParameterIn.HEADER,
            description = TWILIO_SIGNATURE,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = TwilioCallbackUrls.LEG_PARAM,
            in = ParameterIn.QUERY,
            description = TWILIO_LEG,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, ignored)")
    @APIResponse(responseCode = "401", description = ErrorReasons.INVALID_SIGNATURE)
    @APIResponse(responseCode = "404", description = ErrorReasons.PROVIDER_NOT_FOUND)
    @APIResponse(responseCode = "503", description = ErrorReasons.UNAVAILABLE)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response events(
            @Parameter(description = PROVIDER) @PathParam("provider") String provider,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            byte[] body) {
        return handle(provider, ProviderCallback.Hook.EVENTS, uri, headers, body);
    }

    /** The provider asks what to do with a leg that picked up (Twilio fetching its TwiML): the answer race is decided here. */
    @POST
    @Path("/answer")
    @Operation(
            operationId = "answerProviderLeg",
            summary = "A leg picked up: what now? (provider callback)",
            description =
                    "twilio fetching the TwiML of a leg that picked up: the answer race is decided here. The winner"
                            + " joins the agentcall's conference, a leg to be confirmed is asked for a key, any other is hung up.")
    @Parameter(
            name = TwilioSignature.HEADER,
            in = ParameterIn.HEADER,
            description = TWILIO_SIGNATURE,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = TwilioCallbackUrls.LEG_PARAM,
            in = ParameterIn.QUERY,
            description = TWILIO_LEG,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "What the leg does", content = @Content(mediaType = "text/xml"))
    @APIResponse(responseCode = "401", description = ErrorReasons.INVALID_SIGNATURE)
    @APIResponse(responseCode = "404", description = ErrorReasons.PROVIDER_NOT_FOUND + ErrorReasons.LEG_NOT_FOUND)
    @APIResponse(responseCode = "503", description = ErrorReasons.UNAVAILABLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(
            @Parameter(description = PROVIDER) @PathParam("provider") String provider,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            byte[] body) {
        return handle(provider, ProviderCallback.Hook.ANSWER, uri, headers, body);
    }

    /** The key a person pressed to confirm an answered leg (answer confirmation "key"): the race is decided here. */
    @POST
    @Path("/confirm")
    @Operation(
            operationId = "confirmProviderLeg",
            summary = "A person pressed a key (provider callback)",
            description =
                    "twilio reporting the key pressed on a leg that must be confirmed (answer confirmation \"key\"):"
                            + " the answer race is decided here, as for answer.")
    @Parameter(
            name = TwilioSignature.HEADER,
            in = ParameterIn.HEADER,
            description = TWILIO_SIGNATURE,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(
            name = TwilioCallbackUrls.LEG_PARAM,
            in = ParameterIn.QUERY,
            description = TWILIO_LEG,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "What the leg does", content = @Content(mediaType = "text/xml"))
    @APIResponse(responseCode = "401", description = ErrorReasons.INVALID_SIGNATURE)
    @APIResponse(responseCode = "404", description = ErrorReasons.PROVIDER_NOT_FOUND + ErrorReasons.LEG_NOT_FOUND)
    @APIResponse(responseCode = "503", description = ErrorReasons.UNAVAILABLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(
            @Parameter(description = PROVIDER) @PathParam("provider") String provider,
            @Context UriInfo uri,
            @Context HttpHeaders headers,
            byte[] body) {
        return handle(provider, ProviderCallback.Hook.CONFIRM, uri, headers, body);
    }

    private Response handle(
            String provider, ProviderCallback.Hook hook, UriInfo uri, HttpHeaders headers, byte[] body) {
        WebhookReply reply = agentCalls.onWebhook(
                provider,
                new ProviderCallback(
                        hook, uri.getQueryParameters()::getFirst, headers.getRequestHeaders()::getFirst, body));
        return reply.isEmpty()
                ? Response.noContent().build()
                : Response.ok(reply.body(), reply.contentType()).build();
    }
}
