package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class IamPolicyTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);

    @ParameterizedTest
    @ValueSource(strings = {"flavour=jvm", "flavour=native", "flavour=aot", "networking=endpoints", "rdsProxy=true"})
    void noStatementAllowsAWildcardAction(String setting) {
        String[] pair = setting.split("=");
        Template template = Synth.catalog(pair[0], pair[1]);
        List<String> actions = statementsByRole(template).values().stream()
                .flatMap(List::stream)
                .flatMap(statement -> actions(statement).stream())
                .toList();
        assertFalse(actions.isEmpty());
        assertEquals(
                List.of(),
                actions.stream().filter(a -> a.equals("*") || a.endsWith(":*")).toList());
    }

    @Test
    void onlyTheLoginRoleReadsTheJwtSigningKey() {
        assertOnlyGrantedRolesReference(FunctionSpec.Grant.JWT_SIGNING_KEY, secret("signs agent tokens"));
    }

    @Test
    void onlyTelephonyFunctionsReadTheProviderCredentials() {
        assertOnlyGrantedRolesReference(FunctionSpec.Grant.TELEPHONY_CREDENTIALS, secret("telephony provider"));
    }

    /** Ring requests come from outside the stack (a PBX, a queue): no function of ours sends them. */
    @Test
    void noFunctionSendsToTheRingQueue() {
        Template template = Synth.catalog();
        assertEquals(Set.of(), rolesAllowed(template, "sqs:SendMessage", "RingQueue"));
    }

    @Test
    void onlyEventPublishersMayQueueDeliveriesAndPutEventsOnTheBus() {
        Template template = Synth.catalog();
        Set<String> publishers = rolesOf(template, FunctionSpec.Grant.EVENTS_PUBLISH);
        assertFalse(publishers.isEmpty());
        assertEquals(publishers, rolesAllowed(template, "sqs:SendMessage", "EventsQueue"));
        assertEquals(publishers, rolesAllowed(template, "events:PutEvents", "EventsBus"));
    }

    @Test
    void onlyMailSendersMaySendMailAndOnlyFromTheConfiguredIdentity() {
        Template template = Synth.catalog("mailFrom", "no-reply@mail.example.com");
        Set<String> senders = rolesOf(template, FunctionSpec.Grant.MAIL_SEND);
        assertFalse(senders.isEmpty());
        assertEquals(senders, rolesAllowed(template, "ses:SendEmail", "identity/mail.example.com"));
        assertEquals(
                senders,
                statementsByRole(template).entrySet().stream()
                        .filter(e -> e.getValue().stream()
                                .anyMatch(s -> actions(s).stream().anyMatch(a -> a.startsWith("ses:"))))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()));
        for (FunctionSpec spec : CATALOG.functions()) {
            Map<?, ?> env = (Map<?, ?>)
                    ((Map<?, ?>) TemplateQueries.function(template, spec).get("Environment")).get("Variables");
            assertEquals(spec.has(FunctionSpec.Grant.MAIL_SEND), env.containsKey("AGENTBIN_MAIL_FROM"), spec.name());
            assertEquals(
                    spec.has(FunctionSpec.Grant.MAIL_SEND),
                    env.containsKey("AGENTBIN_PASSWORD_RESET_BASE_URL"),
                    spec.name());
        }
    }

    @Test
    void withoutASenderNoFunctionMaySendMailAndTheStackSaysSo() {
        Template template = Synth.catalog();
        assertEquals(Set.of(), rolesAllowed(template, "ses:SendEmail", ""));
        Annotations.fromStack(Synth.of(Synth.CATALOG).stack())
                .hasWarning("*", Match.stringLikeRegexp(".*no mailFrom.*"));
    }

    @Test
    void onlyWebhookDeliveryConsumesTheEventQueue() {
        Template template = Synth.catalog();
        assertEquals(
                rolesOf(template, FunctionSpec.Grant.EVENT_QUEUE_CONSUME),
                rolesAllowed(template, "sqs:ChangeMessageVisibility", "EventsQueue"));
    }

    /** Roles with a statement allowing {@code action} on a resource whose reference contains {@code resourcePart}. */
    private static Set<String> rolesAllowed(Template template, String action, String resourcePart) {
        return statementsByRole(template).entrySet().stream()
                .filter(e -> e.getValue().stream()
                        .anyMatch(s -> actions(s).contains(action)
                                && String.valueOf(s.get("Resource")).contains(resourcePart)))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static void assertOnlyGrantedRolesReference(FunctionSpec.Grant grant, String secretLogicalId) {
        Template template = Synth.catalog();
        Set<String> expected = rolesOf(template, grant);
        assertFalse(expected.isEmpty(), "the catalog should exercise " + grant);
        assertEquals(expected, rolesReferencing(template, secretLogicalId));
    }

    private static String secret(String descriptionPart) {
        return Synth.catalog()
                .findResources(
                        "AWS::SecretsManager::Secret",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(
                                        Map.of("Description", Match.stringLikeRegexp(".*" + descriptionPart + ".*"))))))
                .keySet()
                .iterator()
                .next();
    }

    private static Set<String> rolesOf(Template template, FunctionSpec.Grant grant) {
        return CATALOG.functions().stream()
                .filter(f -> f.has(grant))
                .map(f -> roleOf(template, f))
                .collect(Collectors.toSet());
    }

    private static String roleOf(Template template, FunctionSpec spec) {
        return TemplateQueries.roleOf(template, spec);
    }

    private static Set<String> rolesReferencing(Template template, String logicalId) {
        return statementsByRole(template).entrySet().stream()
                .filter(e -> e.getValue().toString().contains("Ref=" + logicalId + "}"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Map<String, List<Map<?, ?>>> statementsByRole(Template template) {
        return IamStatements.byRole(template);
    }

    private static List<String> actions(Map<?, ?> statement) {
        return IamStatements.actions(statement);
    }
}
