package dev.agentbin.telephony;

import dev.agentbin.telephony.twilio.TwilioProviderFactory;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Every provider a deployment configures is reachable by name (legs remember which one rang them), the
 * chosen one rings new legs and must be among them.
 */
class TelephonyProvidersTest {

    @Test
    void everyConfiguredProviderIsReachableAndTheChosenOneRingsNewLegs() {
        TelephonyProviders providers = new TelephonyProviders(
                "twilio", List.of(new TwilioProviderFactory(twilio(true)), unconfigured("chime")));
        Assertions.assertEquals("twilio", providers.defaultName());
        Assertions.assertEquals("twilio", providers.get("twilio").orElseThrow().name());
        Assertions.assertTrue(providers.get("chime").isEmpty());
    }

    @Test
    void aChosenProviderThatIsNotConfiguredRefusesToStart() {
        IllegalStateException e = Assertions.assertThrows(
                IllegalStateException.class,
                () -> new TelephonyProviders("twilio", List.of(new TwilioProviderFactory(twilio(false)))));
        Assertions.assertTrue(e.getMessage().contains("agentbin.telephony.provider=twilio"), e.getMessage());
        Assertions.assertThrows(
                IllegalStateException.class,
                () -> new TelephonyProviders("chime", List.of(new TwilioProviderFactory(twilio(true)))));
    }

    @Test
    void eachFactoryIsToldWhetherItIsTheChosenOne() {
        List<String> chosen = new java.util.ArrayList<>();
        TelephonyProviderFactory spy = new TelephonyProviderFactory() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public Optional<TelephonyProvider> create(boolean isChosen) {
                chosen.add(name() + "=" + isChosen);
                return Optional.empty();
            }
        };
        new TelephonyProviders("twilio", List.of(spy, new TwilioProviderFactory(twilio(true))));
        Assertions.assertEquals(List.of("spy=false"), chosen);
    }

    private static TelephonyProviderFactory unconfigured(String name) {
        return new TelephonyProviderFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<TelephonyProvider> create(boolean isChosen) {
                return Optional.empty();
            }
        };
    }

    private static TwilioProviderFactory.Config twilio(boolean configured) {
        return new TwilioProviderFactory.Config() {
            @Override
            public Optional<String> accountSid() {
                return configured ? Optional.of("ACtest00000000000000000000000000") : Optional.empty();
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
}
