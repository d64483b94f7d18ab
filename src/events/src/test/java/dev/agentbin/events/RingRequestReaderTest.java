package dev.agentbin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.agentcall.RingRequest;
import dev.agentbin.common.StrictJson;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.UUID;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Plain unit test: the body parsing rules, without Quarkus. */
class RingRequestReaderTest {

    static RingRequestReader reader() {
        ObjectMapper appMapper =
                new ObjectMapper().findAndRegisterModules().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        return new RingRequestReader(new StrictJson(appMapper), validator);
    }

    private final RingRequestReader reader = reader();
    private final UUID agent = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @Test
    void readsTheSnakeCaseWireNames() throws Exception {
        RingRequest request = reader.read("{\"agent_id\":\"" + agent + "\",\"customer_id\":\"" + customer
                + "\",\"source\":\"+15550100000\",\"reference_id\":\"r-1\",\"ring_timeout\":45,"
                + "\"join_target\":\"conf-9\",\"added_later\":true}");
        assertEquals(new RingRequest(agent, customer, "+15550100000", "r-1", 45, "conf-9", null), request);
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        RingRequest request = reader.read(minimal(""));
        assertEquals(RingRequest.DEFAULT_RING_TIMEOUT, request.ringTimeoutOrDefault());
    }

    @Test
    void camelCaseNamesAreNotTheWireFormat() {
        String message =
                malformed("{\"agentId\":\"" + agent + "\",\"customerId\":\"" + customer + "\",\"source\":\"x\"}");
        assertEquals("agent_id is required; customer_id is required", message);
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        assertTrue(malformed(minimal(",\"ring_timeout\":\"30\"")).contains("ring_timeout"));
        assertTrue(malformed(minimal(",\"ring_timeout\":30.5")).contains("ring_timeout"));
        assertTrue(malformed(minimal(",\"reference_id\":12")).contains("reference_id"));
        assertTrue(malformed("{\"agent_id\":\"not-a-uuid\",\"customer_id\":\"" + customer + "\",\"source\":\"x\"}")
                .contains("agent_id"));
    }

    @Test
    void constraintsAreChecked() {
        assertEquals("ring_timeout must be between 5 and 600 seconds", malformed(minimal(",\"ring_timeout\":4")));
        assertEquals(
                "source is required",
                malformed("{\"agent_id\":\"" + agent + "\",\"customer_id\":\"" + customer + "\"}"));
    }

    @Test
    void whatIsNotOneJsonObjectIsMalformed() {
        assertTrue(malformed("").contains("empty"));
        assertTrue(malformed("null").contains("null"));
        assertTrue(malformed("{\"agent_id\":").startsWith("not JSON"));
        assertTrue(malformed("[1,2]").startsWith("not a ring request"));
        assertTrue(malformed(minimal("") + " {}").startsWith("not"), "trailing content");
    }

    private String minimal(String extra) {
        return "{\"agent_id\":\"" + agent + "\",\"customer_id\":\"" + customer + "\",\"source\":\"+15550100000\""
                + extra + "}";
    }

    private String malformed(String body) {
        return assertThrows(RingRequestReader.MalformedMessage.class, () -> reader.read(body))
                .getMessage();
    }
}
