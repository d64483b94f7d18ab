package dev.agentbin.api.telephony;

import dev.agentbin.agentcall.AgentCall;
import dev.agentbin.agentcall.AgentCallService;
import dev.agentbin.api.auth.PublicRoute;
import dev.agentbin.telephony.LegEvent;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import dev.agentbin.telephony.simulator.SimulatorSignature;
import dev.agentbin.telephony.twilio.TwiML;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * Provider webhooks. Authenticated by each provider's signature, not by an agent token: a request
 * that does not verify is refused before anything is read from it.
 */
@SecurityRequirements
@Path("/v1.0/telephony/{provider}")
@PublicRoute
public class TelephonyWebhookResource {

    static final String TWILIO = "twilio";
    private static final String TWILIO_SIGNATURE = "X-Twilio-Signature";
    /** How long a person has to press a key once the prompt has played. */
    private static final int CONFIRM_SECONDS = 5;

    private final AgentCallService agentCalls;
    private final SimulatorWebhook simulator;
    private final TwilioWebhook twilio;

    public TelephonyWebhookResource(AgentCallService agentCalls, SimulatorWebhook simulator, TwilioWebhook twilio) {
        this.agentCalls = agentCalls;
        this.simulator = simulator;
        this.twilio = twilio;
    }

    /** Call-progress events; answered with 204 (Twilio ignores the body of a status callback). */
    @POST
    @Path("/events")
    @APIResponse(responseCode = "204", description = "Applied (or a duplicate, ignored)")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    public Response events(@PathParam("provider") String provider, @QueryParam("leg") String leg,
            @HeaderParam(SimulatorSignature.HEADER) String simulatorSignature,
            @HeaderParam(TWILIO_SIGNATURE) String twilioSignature, byte[] body) {
        LegEvent event = switch (provider) {
            case SimulatorProvider.NAME -> simulator.verify(body, simulatorSignature);
            case TWILIO -> twilio.statusCallback(leg, new String(body, StandardCharsets.UTF_8), twilioSignature);
            default -> throw WebhookErrors.unknownProvider(provider);
        };
        agentCalls.onLegEvent(provider, event);
        return Response.noContent().build();
    }

    /**
     * Twilio fetches the answered leg's TwiML here: this is where the answer race is decided. The
     * winner joins the ring request's join target; a leg that lost gets {@code <Hangup/>}.
     */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("provider") String provider, @QueryParam("leg") String leg,
            @HeaderParam(TWILIO_SIGNATURE) String signature, byte[] body) {
        if (!TWILIO.equals(provider)) {
            throw WebhookErrors.unknownProvider(provider);
        }
        LegEvent answered = twilio.answer(leg, new String(body, StandardCharsets.UTF_8), signature);
        return twiml(agentCalls.answerAndDecide(TWILIO, answered), answered.legId());
    }

    /** The key a person pressed to confirm an answered leg (answer confirmation "key"): the race is decided here. */
    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("provider") String provider, @QueryParam("leg") String leg,
            @HeaderParam(TWILIO_SIGNATURE) String signature, byte[] body) {
        if (!TWILIO.equals(provider)) {
            throw WebhookErrors.unknownProvider(provider);
        }
        return twilio.confirm(leg, new String(body, StandardCharsets.UTF_8), signature)
                .map(confirmed -> twiml(agentCalls.answerAndDecide(TWILIO, confirmed), confirmed.legId()))
                .orElseGet(() -> Response.ok(TwiML.hangup(), TwiML.CONTENT_TYPE).build());
    }

    private Response twiml(AgentCallService.AnswerOutcome outcome, UUID legId) {
        AgentCall call = outcome.call();
        String twiml = switch (outcome.kind()) {
            case JOIN -> TwiML.joinConference(call.joinTarget().isEmpty() ? call.id().toString() : call.joinTarget());
            case CONFIRM -> TwiML.confirm(twilio.confirmUrl(legId), CONFIRM_SECONDS);
            case HANGUP -> TwiML.hangup();
        };
        return Response.ok(twiml, TwiML.CONTENT_TYPE).build();
    }
}
