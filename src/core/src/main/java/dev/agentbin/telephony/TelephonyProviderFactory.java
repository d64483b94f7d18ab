package dev.agentbin.telephony;

import java.util.Optional;

/**
 * How a provider's folder plugs in: one bean per provider, found by {@link TelephonyProviders}. It reads
 * the provider's own settings (agentbin.telephony.{name}.*) and builds the provider when this deployment
 * configures it.
 */
public interface TelephonyProviderFactory {

    String name();

    /**
     * @param chosen whether agentbin.telephony.provider names this provider (new legs ring with it)
     * @return the provider, or empty when it is not configured here; throws when it is chosen but cannot run
     */
    Optional<TelephonyProvider> create(boolean chosen);
}
