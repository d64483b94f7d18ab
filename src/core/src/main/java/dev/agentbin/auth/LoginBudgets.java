package dev.agentbin.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many failed logins each budget allows per window (see {@link LoginThrottle}). The pair budget
 * stops guessing at one account from one address; the username budget, looser and short, slows a guess
 * spread over many addresses without locking the owner out for long; the source budget stops one address
 * trying many accounts.
 */
@ConfigMapping(prefix = "agentbin.login")
public interface LoginBudgets {

    @WithDefault("5")
    int pairFailures();

    @WithDefault("15M")
    Duration pairWindow();

    @WithDefault("20")
    int usernameFailures();

    @WithDefault("1M")
    Duration usernameWindow();

    @WithDefault("100")
    int sourceFailures();

    @WithDefault("15M")
    Duration sourceWindow();
}
