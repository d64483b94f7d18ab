package dev.agentbin.agent;

import dev.agentbin.common.UniqueViolation;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates a customer's first admin at start when that customer has no admin yet, so a fresh deployment
 * needs no database console. Configured by agentbin.bootstrap.customer-id/username/password; does
 * nothing when they are absent. Safe when several functions start at once: the username constraint
 * lets one insert win.
 */
@ApplicationScoped
public class FirstAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(FirstAdminBootstrap.class);

    private final AgentService agents;
    private final Optional<UUID> customerId;
    private final Optional<String> username;
    private final Optional<String> password;

    public FirstAdminBootstrap(
            AgentService agents,
            @ConfigProperty(name = "agentbin.bootstrap.customer-id") Optional<UUID> customerId,
            @ConfigProperty(name = "agentbin.bootstrap.username") Optional<String> username,
            @ConfigProperty(name = "agentbin.bootstrap.password") Optional<String> password) {
        this.agents = agents;
        this.customerId = customerId;
        this.username = username;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        ensureFirstAdmin();
    }

    /** Idempotent: a second call, or a call from another starting function, adds no second admin. */
    public void ensureFirstAdmin() {
        if (customerId.isEmpty() || username.isEmpty() || password.isEmpty()) {
            return;
        }
        if (password.get().length() < 8) {
            throw new IllegalStateException("agentbin.bootstrap.password must have at least 8 characters");
        }
        try {
            agents.createFirstAdmin(customerId.get(), username.get(), password.get());
            LOG.infof("First admin of customer %s is in place", customerId.get());
        } catch (RuntimeException e) {
            if (UniqueViolation.constraintName(e).isEmpty() && !(e instanceof dev.agentbin.common.ApiException)) {
                throw e;
            }
            LOG.infof("First admin of customer %s not created: %s", customerId.get(), e.getMessage());
        }
    }
}
