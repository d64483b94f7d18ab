package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EventTriggersTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);

    @Test
    void theRingQueueRedrivesToADeadLetterQueueAndOutlastsSixDispatchTimeouts() {
        Map<String, Object> queue = TemplateQueries.properties(
                Synth.catalog()
                        .findResources(
                                "AWS::SQS::Queue",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of(
                                                "RedrivePolicy",
                                                Match.objectLike(Map.of(
                                                        "deadLetterTargetArn",
                                                        Match.objectLike(Map.of(
                                                                "Fn::GetAtt",
                                                                Match.arrayWith(List.of(Match.stringLikeRegexp(
                                                                        "RingQueueDeadLetters.*")))))))))))),
                "ring queue");
        int maxReceiveCount = ((Number) ((Map<?, ?>) queue.get("RedrivePolicy")).get("maxReceiveCount")).intValue();
        assertTrue(maxReceiveCount >= 5, "maxReceiveCount " + maxReceiveCount);
        int visibility = ((Number) queue.get("VisibilityTimeout")).intValue();
        assertTrue(visibility >= 6 * spec("ringall-dispatch").timeout(), "visibility " + visibility);
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void dispatchConsumesTheQueueReportingPartialBatchFailures(Flavour flavour) {
        Template template = Synth.catalog("flavour", flavour.name().toLowerCase());
        Map<String, Object> mapping = mappingOf(template, "ringall-dispatch");
        assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
        assertTrue(mapping.get("EventSourceArn").toString().contains("RingQueue"), mapping.toString());
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theSweeperRunsOnItsSchedule(Flavour flavour) {
        assertRunsOnItsSchedule(Synth.catalog("flavour", flavour.name().toLowerCase()), spec("ringall-sweeper"));
    }

    /** Exactly one rule with the function's schedule expression invokes it (other functions may share the expression). */
    @SuppressWarnings("unchecked")
    private static void assertRunsOnItsSchedule(Template template, FunctionSpec spec) {
        String function = TemplateQueries.functionLogicalId(template, spec);
        long rules = template
                .findResources(
                        "AWS::Events::Rule",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of(
                                        "ScheduleExpression", spec.trigger().schedule())))))
                .values()
                .stream()
                .map(rule -> (List<Map<String, Object>>) ((Map<String, Object>) rule.get("Properties")).get("Targets"))
                .filter(targets -> targets.stream()
                        .anyMatch(target ->
                                function.equals(TemplateQueries.invokedFunction(template, target.get("Arn")))))
                .count();
        assertEquals(1, rules, spec.name() + " on " + spec.trigger().schedule());
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theMigrationRunsOnDeployAfterTheDatabase(Flavour flavour) {
        Template template = Synth.catalog("flavour", flavour.name().toLowerCase());
        String migrate = TemplateQueries.functionLogicalId(template, spec("db-migrate"));
        Map<String, Map<String, Object>> triggers = TemplateQueries.resources(template, "Custom::Trigger");
        assertEquals(1, triggers.size());
        Map<String, Object> trigger = triggers.values().iterator().next();
        List<?> dependsOn = (List<?>) trigger.get("DependsOn");
        assertTrue(
                dependsOn.stream().anyMatch(id -> id.toString().startsWith("DatabaseCluster")), dependsOn.toString());
        String version = (String) ((Map<?, ?>) ((Map<?, ?>) trigger.get("Properties")).get("HandlerArn")).get("Ref");
        Map<?, ?> versionProps = (Map<?, ?>)
                ((Map<?, ?>) ((Map<?, ?>) template.toJSON().get("Resources")).get(version)).get("Properties");
        assertEquals(Map.of("Ref", migrate), versionProps.get("FunctionName"));
    }

    @Test
    void aQueueOtherThanTheRingQueueFails(@TempDir Path dir) throws IOException {
        Path catalog = Files.writeString(
                dir.resolve("functions.yaml"),
                Files.readString(Synth.CATALOG).replace("{sqs: ring-requests}", "{sqs: other-requests}"));
        String message = assertThrows(
                        IllegalArgumentException.class, () -> Synth.stack(Map.of("functionsFile", catalog.toString())))
                .getMessage();
        assertEquals(
                "function 'ringall-dispatch': unknown queue 'other-requests', the queues are [event-deliveries, ring-requests]",
                message);
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void webhookDeliveryConsumesTheEventQueueReportingPartialBatchFailures(Flavour flavour) {
        Template template = Synth.catalog("flavour", flavour.name().toLowerCase());
        Map<String, Object> mapping = mappingOf(template, "webhook-delivery");
        assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
        assertTrue(mapping.get("EventSourceArn").toString().contains("EventsQueue"), mapping.toString());
    }

    @Test
    void theEventQueueRedrivesAfterTheLastTryAndOutlastsSixDeliveryTimeouts() {
        Map<String, Object> queue = TemplateQueries.properties(
                Synth.catalog()
                        .findResources(
                                "AWS::SQS::Queue",
                                Match.objectLike(Map.of(
                                        "Properties",
                                        Match.objectLike(Map.of(
                                                "RedrivePolicy",
                                                Match.objectLike(Map.of(
                                                        "deadLetterTargetArn",
                                                        Match.objectLike(Map.of(
                                                                "Fn::GetAtt",
                                                                Match.arrayWith(List.of(Match.stringLikeRegexp(
                                                                        "EventsDeadLetters.*")))))))))))),
                "event queue");
        assertEquals(
                EventDelivery.MAX_RECEIVE_COUNT,
                ((Number) ((Map<?, ?>) queue.get("RedrivePolicy")).get("maxReceiveCount")).intValue());
        assertTrue(((Number) queue.get("VisibilityTimeout")).intValue()
                >= 6 * spec("webhook-delivery").timeout());
    }

    @Test
    void theRelayRunsOnItsScheduleAndTheStackHasAnEventBus() {
        Template template = Synth.catalog();
        assertRunsOnItsSchedule(template, spec("events-relay"));
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", InfraApp.STACK_NAME + "-events"));
    }

    @Test
    void anEventQueueTriggerNeedsTheEventConsumeGrant(@TempDir Path dir) throws IOException {
        Path catalog = Files.writeString(
                dir.resolve("functions.yaml"),
                Files.readString(Synth.CATALOG)
                        .replace("grants: [event-queue-consume]", "grants: [ring-queue-consume]"));
        String message = assertThrows(IllegalArgumentException.class, () -> FunctionCatalog.load(catalog))
                .getMessage();
        assertTrue(message.contains("an sqs trigger on event-deliveries goes with grant event-queue-consume"), message);
    }

    @Test
    void malformedDeliveriesAndALongDeliveryBacklogRaiseAlarms() {
        Template template = Synth.catalog();
        // Not the dead-letter queue's depth: it also holds one customer's given-up events, that customer's problem.
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "Namespace",
                        AppMetrics.NAMESPACE,
                        "MetricName",
                        AppMetrics.DELIVERIES,
                        "Dimensions",
                        List.of(Map.of("Name", AppMetrics.RESULT, "Value", AppMetrics.MALFORMED)),
                        "Threshold",
                        0)));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        "ApproximateAgeOfOldestMessage",
                        "Threshold",
                        Alarms.DELIVERY_BACKLOG_SECONDS,
                        "Dimensions",
                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "Value",
                                Match.objectLike(Map.of(
                                        "Fn::GetAtt",
                                        Match.arrayWith(List.of(Match.stringLikeRegexp("EventsQueue.*"))))))))))));
    }

    private static Map<String, Object> mappingOf(Template template, String function) {
        String logicalId = TemplateQueries.functionLogicalId(template, spec(function));
        return TemplateQueries.resources(template, "AWS::Lambda::EventSourceMapping").values().stream()
                .map(resource -> TemplateQueries.properties(Map.of("mapping", resource), function))
                .filter(props -> logicalId.equals(TemplateQueries.invokedFunction(template, props.get("FunctionName"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event source mapping for " + function));
    }

    private static FunctionSpec spec(String name) {
        return CATALOG.functions().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
