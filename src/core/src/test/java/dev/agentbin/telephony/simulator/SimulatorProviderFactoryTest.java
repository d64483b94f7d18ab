package dev.agentbin.telephony.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.common.StrictJson;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The simulator's webhook key is public: outside dev and test it runs only when chosen, with a key of the deployment's own. */
class SimulatorProviderFactoryTest {

    @Test
    void devAndTestHaveTheSimulatorWithTheLocalKeyChosenOrNot() {
        Assertions.assertTrue(
                factory(SimulatorSettings.LOCAL_SECRET, true).create(true).isPresent());
        Assertions.assertTrue(
                factory(SimulatorSettings.LOCAL_SECRET, true).create(false).isPresent());
    }

    @Test
    void elsewhereTheSimulatorIsOffUnlessChosen() {
        Assertions.assertTrue(
                factory(SimulatorSettings.LOCAL_SECRET, false).create(false).isEmpty());
        Assertions.assertTrue(factory("a-deployed-key", false).create(false).isEmpty());
    }

    @Test
    void elsewhereTheSimulatorChosenWithTheLocalKeyRefusesToStart() {
        IllegalStateException e = Assertions.assertThrows(
                IllegalStateException.class,
                () -> factory(SimulatorSettings.LOCAL_SECRET, false).create(true));
        Assertions.assertTrue(e.getMessage().contains("simulator_secret"), e.getMessage());
    }

    @Test
    void elsewhereTheSimulatorChosenWithADeployedKeyRuns() {
        Assertions.assertEquals(
                SimulatorProvider.NAME,
                factory("a-deployed-key", false).create(true).orElseThrow().name());
    }

    private static SimulatorProviderFactory factory(String secret, boolean devOrTest) {
        SimulatorSettings settings = new SimulatorSettings() {
            @Override
            public Optional<String> callbackBaseUrl() {
                return Optional.empty();
            }

            @Override
            public String secret() {
                return secret;
            }

            @Override
            public Duration originateLatency() {
                return Duration.ZERO;
            }
        };
        return new SimulatorProviderFactory(
                settings, new SimulatorProvider(settings, null, new StrictJson(new ObjectMapper())), devOrTest);
    }
}
