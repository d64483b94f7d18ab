package dev.agentbin.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The providers this deployment configures, by name: agentbin.telephony.provider names the one new legs
 * ring with, and legs remember which one rang them, so every configured provider stays reachable.
 */
@ApplicationScoped
public class TelephonyProviders {

    private final Map<String, TelephonyProvider> byName = new HashMap<>();
    private final String defaultName;

    @Inject
    public TelephonyProviders(
            @ConfigProperty(name = "agentbin.telephony.provider", defaultValue = "simulator") String provider,
            @Any Instance<TelephonyProviderFactory> factories) {
        this(provider, (Iterable<TelephonyProviderFactory>) factories);
    }

    TelephonyProviders(String provider, Iterable<TelephonyProviderFactory> factories) {
        for (TelephonyProviderFactory factory : factories) {
            factory.create(factory.name().equals(provider))
                    .ifPresent(configured -> byName.put(configured.name(), configured));
        }
        this.defaultName = provider;
        if (!byName.containsKey(defaultName)) {
            throw new IllegalStateException("agentbin.telephony.provider=" + defaultName + " is not configured");
        }
    }

    public Optional<TelephonyProvider> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public String defaultName() {
        return defaultName;
    }
}
