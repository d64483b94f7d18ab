package dev.agentbin.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which provider rings agents, and each provider's settings. Credentials never reach a log. */
@ConfigMapping(prefix = "agentbin.telephony")
public interface TelephonySettings {

    /** The provider new legs are originated with: simulator or twilio. */
    @WithDefault("simulator")
    String provider();

    Simulator simulator();

    Twilio twilio();

    interface Simulator {
        /**
         * Where the simulator posts its signed events (our own base URL, e.g. http://localhost:8080).
         * Absent: events are handed to the agentcall service in-process (event functions, tests).
         */
        Optional<String> callbackBaseUrl();

        /** The key dev and test runs share; never accepted outside them (see {@link TelephonyProviders}). */
        String LOCAL_SECRET = "simulator-local-secret";

        /** HMAC-SHA256 key the simulator signs its webhook bodies with. */
        @WithDefault(LOCAL_SECRET)
        String secret();

        /** How long each origination takes, to model a provider's REST latency. */
        @WithDefault("0s")
        Duration originateLatency();
    }

    interface Twilio {
        Optional<String> accountSid();

        Optional<String> authToken();

        Optional<String> apiBaseUrl();

        Optional<String> callbackBaseUrl();

        Optional<String> fromNumber();
    }
}
