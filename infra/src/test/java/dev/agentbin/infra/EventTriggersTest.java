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
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EventTriggersTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.FIXTURE);

    @Test
    void theRingQueueRedrivesToADeadLetterQueueAndOutlastsSixDispatchTimeouts() {
        Map<String, Object> queue = TemplateQueries.properties(Synth.fixture().findResources("AWS::SQS::Queue",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("RedrivePolicy", Match.anyValue()))))),
                "ring queue");
        int maxReceiveCount = ((Number) ((Map<?, ?>) queue.get("RedrivePolicy")).get("maxReceiveCount")).intValue();
        assertTrue(maxReceiveCount >= 5, "maxReceiveCount " + maxReceiveCount);
        int visibility = ((Number) queue.get("VisibilityTimeout")).intValue();
        assertTrue(visibility >= 6 * spec("ringall-dispatch").timeout(), "visibility " + visibility);
    }

    @Test
    void dispatchConsumesTheQueueReportingPartialBatchFailures() {
        Template template = Synth.fixture();
        Map<String, Object> mapping = TemplateQueries.properties(
                TemplateQueries.resources(template, "AWS::Lambda::EventSourceMapping"), "event source mapping");
        assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
        assertEquals(TemplateQueries.functionLogicalId(template, spec("ringall-dispatch")),
                TemplateQueries.invokedFunction(template, mapping.get("FunctionName")));
    }

    @Test
    void theSweeperRunsOnItsSchedule() {
        Template template = Synth.fixture();
        Map<String, Object> rule = TemplateQueries.properties(template.findResources("AWS::Events::Rule",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                        "ScheduleExpression", spec("ringall-sweeper").trigger().schedule()))))), "sweeper rule");
        Map<?, ?> target = (Map<?, ?>) ((List<?>) rule.get("Targets")).get(0);
        assertEquals(TemplateQueries.functionLogicalId(template, spec("ringall-sweeper")),
                TemplateQueries.invokedFunction(template, target.get("Arn")));
    }

    @Test
    void theMigrationRunsOnDeployAfterTheDatabase() {
        Template template = Synth.fixture();
        String migrate = TemplateQueries.functionLogicalId(template, spec("db-migrate"));
        Map<String, Map<String, Object>> triggers = TemplateQueries.resources(template, "Custom::Trigger");
        assertEquals(1, triggers.size());
        Map<String, Object> trigger = triggers.values().iterator().next();
        List<?> dependsOn = (List<?>) trigger.get("DependsOn");
        assertTrue(dependsOn.stream().anyMatch(id -> id.toString().startsWith("DatabaseCluster")), dependsOn.toString());
        String version = (String) ((Map<?, ?>) ((Map<?, ?>) trigger.get("Properties")).get("HandlerArn")).get("Ref");
        Map<?, ?> versionProps = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) template.toJSON().get("Resources"))
                .get(version)).get("Properties");
        assertEquals(Map.of("Ref", migrate), versionProps.get("FunctionName"));
    }

    @Test
    void aQueueOtherThanTheRingQueueFails(@TempDir Path dir) throws IOException {
        Path catalog = Files.writeString(dir.resolve("functions.yaml"),
                Files.readString(Synth.FIXTURE).replace("{sqs: ring-requests}", "{sqs: other-requests}"));
        String message = assertThrows(IllegalArgumentException.class,
                () -> Synth.stack(Map.of("functionsFile", catalog.toString()))).getMessage();
        assertEquals("function 'ringall-dispatch': unknown queue 'other-requests', the only queue is 'ring-requests'",
                message);
    }

    private static FunctionSpec spec(String name) {
        return CATALOG.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
