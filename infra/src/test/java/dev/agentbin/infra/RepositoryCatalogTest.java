package dev.agentbin.infra;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The catalog as it is in the repository today, synthesized with every setting at its default. */
class RepositoryCatalogTest {

    @Test
    void everyFunctionOfTheRepositoryCatalogIsDeployed() {
        Template template = Synth.of(Synth.REAL_CATALOG).template();
        for (FunctionSpec spec : FunctionCatalog.load(Synth.REAL_CATALOG).functions()) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", TemplateQueries.functionName(spec),
                    "MemorySize", spec.memory(),
                    "Timeout", spec.timeout())));
        }
        printResourceCounts(template);
    }

    /** The default synth's size at a glance in the test log (cdk-notes measured ~100 resources). */
    private static void printResourceCounts(Template template) {
        Map<String, Integer> counts = new TreeMap<>();
        ((Map<?, ?>) template.toJSON().get("Resources")).values()
                .forEach(resource -> counts.merge((String) ((Map<?, ?>) resource).get("Type"), 1, Integer::sum));
        System.out.println("Default synth of functions.yaml: "
                + counts.values().stream().mapToInt(Integer::intValue).sum() + " resources");
        counts.forEach((type, count) -> System.out.printf("  %-45s %d%n", type, count));
    }
}
