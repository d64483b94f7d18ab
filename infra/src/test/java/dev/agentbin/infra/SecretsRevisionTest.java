package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * A new value in a secret (a rotated provider token or signing key) takes effect once functions start again:
 * with SnapStart, once new versions are published. -c secretsRevision=... publishes them (docs/operations.md).
 */
class SecretsRevisionTest {

    @Test
    void aNewRevisionPublishesNewVersionsOfEveryFunctionThatServesTraffic() {
        Template before = Synth.catalog();
        Template after = Synth.catalog("secretsRevision", "2026-12-06");
        Set<String> versionsBefore =
                TemplateQueries.resources(before, "AWS::Lambda::Version").keySet();
        Set<String> versionsAfter =
                TemplateQueries.resources(after, "AWS::Lambda::Version").keySet();
        assertFalse(versionsBefore.isEmpty());
        assertEquals(versionsBefore.size(), versionsAfter.size());
        assertTrue(Collections.disjoint(versionsBefore, versionsAfter), versionsBefore + " / " + versionsAfter);
        for (FunctionSpec spec : FunctionCatalog.load(Synth.CATALOG).functions()) {
            assertEquals(
                    "secrets revision 2026-12-06",
                    TemplateQueries.function(after, spec).get("Description"));
            assertEquals(null, TemplateQueries.function(before, spec).get("Description"));
        }
    }
}
