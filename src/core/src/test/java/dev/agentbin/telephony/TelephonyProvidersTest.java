package dev.agentbin.telephony;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentbin.telephony.simulator.SimulatorProvider;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The simulator's webhook key is public: outside dev and test it runs only when chosen, with a key of the deployment's own. */
class TelephonyProvidersTest {

    private static final SimulatorProvider SIMULATOR = new SimulatorProvider(settings("twilio", "x"), null, new ObjectMapper());

    @Test
    void devAndTestHaveTheSimulatorWithTheLocalKey() {
        Assertions.assertTrue(new TelephonyProviders(settings("simulator", TelephonySettings.Simulator.LOCAL_SECRET), SIMULATOR, true)
                .get("simulator").isPresent());
    }

    @Test
    void elsewhereTheSimulatorIsOffUnlessChosen() {
        TelephonyProviders providers = new TelephonyProviders(settings("twilio", TelephonySettings.Simulator.LOCAL_SECRET), SIMULATOR, false);
        Assertions.assertTrue(providers.get("simulator").isEmpty());
        Assertions.assertTrue(providers.get("twilio").isPresent());
    }

    @Test
    void elsewhereTheSimulatorChosenWithTheLocalKeyRefusesToStart() {
        IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
                () -> new TelephonyProviders(settings("simulator", TelephonySettings.Simulator.LOCAL_SECRET), SIMULATOR, false));
        Assertions.assertTrue(e.getMessage().contains("simulator_secret"), e.getMessage());
    }

    @Test
    void elsewhereTheSimulatorChosenWithADeployedKeyRuns() {
        Assertions.assertTrue(new TelephonyProviders(settings("simulator", "a-deployed-key"), SIMULATOR, false).get("simulator").isPresent());
    }

    private static TelephonySettings settings(String provider, String secret) {
        return new TelephonySettings() {
            @Override
            public String provider() {
                return provider;
            }

            @Override
            public Simulator simulator() {
                return new Simulator() {
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
            }

            @Override
            public Twilio twilio() {
                return new Twilio() {
                    @Override
                    public Optional<String> accountSid() {
                        return Optional.of("ACtest00000000000000000000000000");
                    }

                    @Override
                    public Optional<String> authToken() {
                        return Optional.of("token");
                    }

                    @Override
                    public Optional<String> apiBaseUrl() {
                        return Optional.of("http://127.0.0.1:9");
                    }

                    @Override
                    public Optional<String> callbackBaseUrl() {
                        return Optional.of("https://agentbin.example.com");
                    }

                    @Override
                    public Optional<String> fromNumber() {
                        return Optional.of("+15550009999");
                    }
                };
            }
        };
    }
}
