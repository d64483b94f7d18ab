package dev.agentbin.telephony.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The simulator's settings. */
@ConfigMapping(prefix = "agentbin.telephony.simulator")
public interface SimulatorSettings {

    /** The key dev and test runs share; never accepted outside them (see {@link SimulatorProviderFactory}). */
    String LOCAL_SECRET = "simulator-local-secret";

    /**
     * Where the simulator posts its signed events (our own base URL, e.g. http://localhost:8080).
     * Absent: events are handed to the agentcall service in-process (event functions, tests).
     */
    Optional<String> callbackBaseUrl();

    /** HMAC-SHA256 key the simulator signs its webhook bodies with. */
    @WithDefault(LOCAL_SECRET)
    String secret();

    /** How long each origination takes, to model a provider's REST latency. */
    @WithDefault("0s")
    Duration originateLatency();
}
