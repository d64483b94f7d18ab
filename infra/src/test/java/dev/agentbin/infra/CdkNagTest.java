package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * cdk-nag's AwsSolutions pack finds nothing left unexplained: every finding is fixed, or suppressed next to
 * its resource with the reason (the pack itself refuses a suppression without one).
 */
class CdkNagTest {

    private static final Set<String> FINDINGS = Set.of("aws:cdk:error", "aws:cdk:warning");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "flavour=jvm",
                "flavour=native",
                "flavour=aot",
                "networking=endpoints",
                "rdsProxy=true",
                "mailFrom=no-reply@mail.example.com"
            })
    void theAwsSolutionsPackReportsNoUnsuppressedFinding(String setting) {
        String[] pair = setting.split("=");
        Map<String, String> context = new HashMap<>(Map.of("functionsFile", Synth.CATALOG.toString()));
        context.put(pair[0], pair[1]);
        AgentbinStack stack = Synth.stack(context);
        Aspects.of(stack)
                .add(new AwsSolutionsChecks(
                        NagPackProps.builder().reports(false).build()));
        RuntimeException refused = null;
        try {
            Template.fromStack(stack);
        } catch (RuntimeException e) {
            // A finding is an error annotation, and the CDK refuses to synthesize a stack that has one.
            refused = e;
        }
        List<String> findings =
                stack.getNode().findAll().stream().flatMap(CdkNagTest::findings).toList();
        assertEquals(List.of(), findings);
        if (refused != null) {
            throw refused;
        }
    }

    /** The pack's findings are annotations on the construct: "AwsSolutions-XXX: what, why". */
    private static java.util.stream.Stream<String> findings(IConstruct construct) {
        return construct.getNode().getMetadata().stream()
                .filter(entry -> FINDINGS.contains(entry.getType())
                        && String.valueOf(entry.getData()).startsWith("AwsSolutions-"))
                .map(entry -> construct.getNode().getPath() + " "
                        + String.valueOf(entry.getData()).split("\n")[0]);
    }
}
