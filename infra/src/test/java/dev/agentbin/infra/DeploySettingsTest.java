package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class DeploySettingsTest {

    @Test
    void defaultsAreJvmNatNoProxyAndTheRepositoryLayout() {
        DeploySettings settings = DeploySettings.from(new App().getNode());
        assertEquals(Flavour.JVM, settings.flavour());
        assertEquals(Egress.NAT, settings.egress());
        assertEquals(false, settings.rdsProxy());
        assertEquals(Path.of("../functions.yaml"), settings.functionsFile());
        assertEquals(
                Path.of("../src/events/target/function.zip"),
                Flavour.functionZip(settings.assetsDir(), FunctionSpec.Module.EVENTS));
    }

    @Test
    void anUnknownFlavourFails() {
        assertEquals("unknown flavour 'graal'", failure(Map.of("flavour", "graal")));
    }

    @Test
    void aNonBooleanProxySettingFails() {
        assertEquals("rdsProxy must be true or false, not 'yes'", failure(Map.of("rdsProxy", "yes")));
    }

    @Test
    void aBootstrapAdminNeedsACustomer() {
        assertEquals(
                "set both bootstrapAdminUsername and bootstrapCustomerId, or neither",
                failure(Map.of("bootstrapAdminUsername", "admin@example.com")));
    }

    @Test
    void aMissingBuildSaysHowToBuild(@TempDir Path empty) {
        String message = assertThrows(
                        IllegalStateException.class,
                        () -> Synth.stack(
                                Map.of("functionsFile", Synth.CATALOG.toString(), "assetsDir", empty.toString())))
                .getMessage();
        assertTrue(message.contains("function.zip does not exist: build the functions first"), message);
    }

    @Test
    void aMissingImageContextSaysHowToBuildIt(@TempDir Path empty) {
        String message = assertThrows(
                        IllegalStateException.class,
                        () -> Synth.stack(Map.of(
                                "functionsFile",
                                Synth.CATALOG.toString(),
                                "assetsDir",
                                empty.toString(),
                                "flavour",
                                "aot")))
                .getMessage();
        assertTrue(message.contains("aot-image/Dockerfile does not exist"), message);
        assertTrue(message.contains("./mvnw -B -DskipTests verify -Daot"), message);
    }

    private static String failure(Map<String, String> context) {
        App app = App.Builder.create().context(Map.copyOf(context)).build();
        return assertThrows(IllegalArgumentException.class, () -> DeploySettings.from(app.getNode()))
                .getMessage();
    }
}
