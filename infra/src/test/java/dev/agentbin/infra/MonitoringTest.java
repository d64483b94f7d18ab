package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Alarms reach a person through the one topic; functions are traced; the dashboard is there. */
class MonitoringTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);
    private static final List<String> PLATFORM_ALARMS = List.of(
            "ring-dead-letters",
            "event-deliveries-malformed",
            "event-delivery-backlog",
            "api-5xx-rate",
            "api-latency-p99",
            "originations-failing",
            "no-answer-jump",
            "database-at-max-capacity",
            "database-connections",
            "outbox-age");

    @ParameterizedTest
    @ValueSource(strings = {"flavour=jvm", "flavour=native", "flavour=aot"})
    void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItClears(String setting) {
        String[] pair = setting.split("=");
        Template template = Synth.catalog(pair[0], pair[1]);
        Map<String, Object> topicRef = Map.of("Ref", onlyLogicalId(template, "AWS::SNS::Topic"));
        Map<String, Map<String, Object>> alarms = TemplateQueries.resources(template, "AWS::CloudWatch::Alarm");
        assertFalse(alarms.isEmpty());
        alarms.forEach((id, alarm) -> {
            Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
            assertEquals(List.of(topicRef), properties.get("AlarmActions"), id + " AlarmActions");
            assertEquals(List.of(topicRef), properties.get("OKActions"), id + " OKActions");
        });
    }

    @Test
    void everyFunctionHasItsErrorThrottleAndDurationAlarmsAndThePlatformAlarmsExist() {
        Map<String, Map<String, Object>> alarms = TemplateQueries.resources(Synth.catalog(), "AWS::CloudWatch::Alarm");
        Map<String, String> runbookSections = alarms.values().stream()
                .map(alarm -> (Map<?, ?>) alarm.get("Properties"))
                .collect(Collectors.toMap(
                        p -> (String) p.get("AlarmName"),
                        p -> ((String) p.get("AlarmDescription"))
                                .replaceAll(".*\\(runbook: docs/operations\\.md#([a-z0-9-]+)\\)$", "$1")));
        Map<String, String> expected = new HashMap<>();
        for (FunctionSpec spec : CATALOG.functions()) {
            for (String kind : List.of("errors", "throttles", "duration")) {
                expected.put(InfraApp.STACK_NAME + "-" + spec.name() + "-" + kind, "function-" + kind);
            }
        }
        for (String platform : PLATFORM_ALARMS) {
            expected.put(InfraApp.STACK_NAME + "-" + platform, platform);
        }
        assertEquals(new TreeMap<>(expected), new TreeMap<>(runbookSections));
    }

    /** Every alarm's runbook section exists. */
    @Test
    void theRunbookHasASectionForEveryAlarm() throws Exception {
        String runbook = Files.readString(Path.of("../docs/operations.md"));
        List<String> sections = new ArrayList<>(PLATFORM_ALARMS);
        sections.addAll(List.of("function-errors", "function-throttles", "function-duration"));
        for (String section : sections) {
            assertTrue(runbook.contains("\n### " + section + "\n"), "docs/operations.md has no section ### " + section);
        }
    }

    @Test
    void aFunctionsDurationAlarmIsAt80PercentOfItsCatalogTimeout() {
        Template template = Synth.catalog();
        for (FunctionSpec spec : CATALOG.functions()) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "MetricName", "Duration",
                            "Namespace", "AWS/Lambda",
                            "ExtendedStatistic", "p99",
                            "Threshold", spec.timeout() * 800,
                            "Dimensions",
                                    List.of(Map.of(
                                            "Name",
                                            "FunctionName",
                                            "Value",
                                            Match.objectLike(Map.of(
                                                    "Ref", TemplateQueries.functionLogicalId(template, spec))))))));
        }
    }

    /** The wrong-credentials case: the share of failed legs, on the dimensionless totals the code emits. */
    @Test
    void theOriginationAlarmWatchesTheLegMetricsTheCodeEmitsOverFiveMinutes() {
        Map<String, Object> alarm = alarm(Synth.catalog(), "originations-failing");
        assertEquals(Alarms.ORIGINATION_FAILURE_PERCENT, alarm.get("Threshold"));
        assertEquals(1, alarm.get("EvaluationPeriods"));
        assertEquals("notBreaching", alarm.get("TreatMissingData"));
        Map<String, Map<?, ?>> stats = ((List<?>) alarm.get("Metrics"))
                .stream()
                        .map(m -> (Map<?, ?>) m)
                        .filter(m -> m.containsKey("MetricStat"))
                        .collect(Collectors.toMap(m -> (String) m.get("Id"), m -> (Map<?, ?>) m.get("MetricStat")));
        EmittedMetrics emitted = EmittedMetrics.read();
        for (Map.Entry<String, String> leg : Map.of(
                        "failed", AppMetrics.LEGS_FAILED, "originated", AppMetrics.LEGS_ORIGINATED)
                .entrySet()) {
            Map<?, ?> stat = stats.get(leg.getKey());
            assertEquals(Map.of("Namespace", emitted.namespace(), "MetricName", leg.getValue()), stat.get("Metric"));
            assertEquals(300, stat.get("Period"));
            assertEquals("Sum", stat.get("Stat"));
            assertTrue(emitted.names().contains(leg.getValue()), leg.getValue() + " is not emitted by the code");
        }
        String expression = ((List<?>) alarm.get("Metrics"))
                .stream()
                        .map(m -> (Map<?, ?>) m)
                        .filter(m -> m.containsKey("Expression"))
                        .map(m -> (String) m.get("Expression"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "IF((FILL(failed, 0) + FILL(originated, 0)) >= 3, "
                        + "100 * FILL(failed, 0) / (FILL(failed, 0) + FILL(originated, 0)), 0)",
                expression);
    }

    @Test
    void noPlatformAlarmWatchesOneCustomer() throws Exception {
        String alarms = new ObjectMapper()
                .writeValueAsString(TemplateQueries.resources(Synth.catalog(), "AWS::CloudWatch::Alarm"));
        assertFalse(alarms.contains("CustomerDeliveryFailures"), alarms);
        assertFalse(alarms.contains("CustomerId"), alarms);
        assertFalse(alarms.contains("EventsDeadLetters"), "the event DLQ holds one customer's given-up events");
    }

    @ParameterizedTest
    @ValueSource(strings = {"flavour=jvm", "flavour=native", "flavour=aot"})
    void everyCatalogFunctionHasActiveTracing(String setting) {
        String[] pair = setting.split("=");
        Template template = Synth.catalog(pair[0], pair[1]);
        for (FunctionSpec spec : CATALOG.functions()) {
            assertEquals(
                    Map.of("Mode", "Active"),
                    TemplateQueries.function(template, spec).get("TracingConfig"),
                    spec.name());
        }
    }

    /** Tracing's grant is the one statement allowed a wildcard resource (its cdk-nag suppression says so). */
    @Test
    void onlyTheXRayStatementHasAWildcardResource() {
        List<Map<?, ?>> wildcard = IamStatements.byRole(Synth.catalog()).values().stream()
                .flatMap(List::stream)
                .filter(statement -> "*".equals(statement.get("Resource"))
                        || (statement.get("Resource") instanceof List<?> list && list.contains("*")))
                .toList();
        assertFalse(wildcard.isEmpty());
        for (Map<?, ?> statement : wildcard) {
            assertEquals(
                    List.of("xray:PutTelemetryRecords", "xray:PutTraceSegments"),
                    IamStatements.actions(statement).stream().sorted().toList(),
                    statement.toString());
        }
    }

    @Test
    void theDashboardShowsRingsApiDeliveriesAndColdStarts() throws Exception {
        Template template = Synth.catalog();
        Map<String, Object> dashboard = TemplateQueries.properties(
                TemplateQueries.resources(template, "AWS::CloudWatch::Dashboard"), "the dashboard");
        assertEquals(InfraApp.STACK_NAME, dashboard.get("DashboardName"));
        String body = new ObjectMapper().writeValueAsString(dashboard.get("DashboardBody"));
        for (String shown : List.of(
                AppMetrics.AGENT_CALLS,
                AppMetrics.NO_ANSWER,
                AppMetrics.TIME_TO_ANSWER,
                "p90",
                AppMetrics.LEGS_FAILED,
                "5xx",
                "Latency",
                AppMetrics.DELIVERIES,
                "ApproximateNumberOfMessagesVisible",
                "Init Duration",
                "Restore Duration",
                "ServerlessDatabaseCapacity",
                AppMetrics.OUTBOX_OLDEST_AGE)) {
            assertTrue(body.contains(shown), shown + " is not on the dashboard");
        }
        for (FunctionSpec spec : CATALOG.functions()) {
            String logGroup = TemplateQueries.resources(template, "AWS::Logs::LogGroup").keySet().stream()
                    .filter(id -> id.matches("Functions" + spec.name().replace("-", "") + "logs[0-9A-F]{8}"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no log group for " + spec.name()));
            assertTrue(body.contains(logGroup), spec.name() + "'s log group is not in the cold start query");
        }
    }

    @Test
    void withoutASubscriptionTheTopicHasNone() {
        Template template = Synth.catalog();
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @Test
    void anEmailAddressIsSubscribedByEmail() {
        Synth.catalog("alarmSubscription", "oncall@example.com")
                .hasResourceProperties(
                        "AWS::SNS::Subscription",
                        Map.of(
                                "Protocol",
                                "email",
                                "Endpoint",
                                "oncall@example.com",
                                "TopicArn",
                                Map.of("Ref", onlyLogicalId(Synth.catalog(), "AWS::SNS::Topic"))));
    }

    @Test
    void anHttpsUrlIsSubscribedByHttps() {
        Template template = Synth.catalog("alarmSubscription", "https://events.pagerduty.example/integration/abc");
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Match.objectLike(
                        Map.of("Protocol", "https", "Endpoint", "https://events.pagerduty.example/integration/abc")));
        template.resourceCountIs("AWS::SNS::Subscription", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://pager.example/hook", "oncall", "sms:+15550100"})
    void anythingElseIsRefused(String subscription) {
        App app = App.Builder.create()
                .context(Map.of("alarmSubscription", subscription))
                .build();
        String message = assertThrows(IllegalArgumentException.class, () -> DeploySettings.from(app.getNode()))
                .getMessage();
        assertEquals(
                "alarmSubscription must be an email address or an https:// URL, not '" + subscription + "'", message);
    }

    private static String onlyLogicalId(Template template, String type) {
        Map<String, Map<String, Object>> found = TemplateQueries.resources(template, type);
        assertEquals(1, found.size(), type + ": " + found.keySet());
        return found.keySet().iterator().next();
    }

    private static Map<String, Object> alarm(Template template, String id) {
        return TemplateQueries.properties(
                template.findResources(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "Properties", Match.objectLike(Map.of("AlarmName", InfraApp.STACK_NAME + "-" + id))))),
                id);
    }
}
