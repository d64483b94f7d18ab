package dev.agentbin.telephony.twilio;

import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.TelephonyProviderFactory;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Twilio is configured when its account SID is set; its other settings are then required (see {@link TwilioSettings}). */
@ApplicationScoped
public class TwilioProviderFactory implements TelephonyProviderFactory {

    /** Twilio's settings as configured; credentials never reach a log. */
    @ConfigMapping(prefix = "agentbin.telephony.twilio")
    public interface Config {
        Optional<String> accountSid();

        Optional<String> authToken();

        Optional<String> apiBaseUrl();

        Optional<String> callbackBaseUrl();

        Optional<String> fromNumber();
    }

    private final Config config;

    public TwilioProviderFactory(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return TwilioProvider.NAME;
    }

    @Override
    public Optional<TelephonyProvider> create(boolean chosen) {
        return config.accountSid()
                .map(sid -> new TwilioProvider(new TwilioSettings(
                        sid,
                        config.authToken().orElse(null),
                        config.apiBaseUrl().orElse(null),
                        config.callbackBaseUrl().orElse(null),
                        config.fromNumber().orElse(null))));
    }
}
