package dev.agentbin.telephony.simulator;

import dev.agentbin.telephony.TelephonyProvider;
import dev.agentbin.telephony.TelephonyProviderFactory;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The simulator is there in dev and test; anywhere else only when chosen as the provider, and then only
 * with a secret of the deployment's own, since anyone knowing its webhook key could forge call events.
 */
@ApplicationScoped
public class SimulatorProviderFactory implements TelephonyProviderFactory {

    private final SimulatorSettings settings;
    private final SimulatorProvider simulator;
    private final boolean devOrTest;

    @Inject
    public SimulatorProviderFactory(SimulatorSettings settings, SimulatorProvider simulator) {
        this(settings, simulator, LaunchMode.current().isDevOrTest());
    }

    SimulatorProviderFactory(SimulatorSettings settings, SimulatorProvider simulator, boolean devOrTest) {
        this.settings = settings;
        this.simulator = simulator;
        this.devOrTest = devOrTest;
    }

    @Override
    public String name() {
        return SimulatorProvider.NAME;
    }

    @Override
    public Optional<TelephonyProvider> create(boolean chosen) {
        if (devOrTest) {
            return Optional.of(simulator);
        }
        if (!chosen) {
            return Optional.empty();
        }
        if (SimulatorSettings.LOCAL_SECRET.equals(settings.secret())) {
            throw new IllegalStateException("the simulator provider outside dev and test needs its own webhook key:"
                    + " set agentbin.telephony.simulator.secret (simulator_secret in the telephony secret)");
        }
        return Optional.of(simulator);
    }
}
