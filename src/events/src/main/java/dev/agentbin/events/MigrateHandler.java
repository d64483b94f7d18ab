package dev.agentbin.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.agentbin.observe.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * The per-deploy migration function (db-migrate in functions.yaml): runs the core's Flyway migrations
 * once, before the new code takes traffic. Every other function starts with
 * QUARKUS_FLYWAY_MIGRATE_AT_START=false so cold starts never race it. Migrating an up-to-date schema
 * is a no-op, so invoking it twice is harmless. Then it (re)grants the application role the other
 * functions connect as ({@link ApplicationRole}). A failure throws: the deploy step sees a failed
 * invocation instead of a summary.
 */
@Named("migrate")
public class MigrateHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = Logger.getLogger(MigrateHandler.class);

    private final Flyway flyway;
    private final ApplicationRole applicationRole;

    @Inject
    public MigrateHandler(Flyway flyway, ApplicationRole applicationRole) {
        this.flyway = flyway;
        this.applicationRole = applicationRole;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        try (LogContext.Scope invocation = LogContext.invocation(context == null ? null : context.getAwsRequestId())) {
            return migrate();
        }
    }

    private String migrate() {
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null
                ? "none"
                : flyway.info().current().getVersion().getVersion();
        String summary = "migrated " + result.migrationsExecuted + " migration(s); schema version " + version
                + (result.warnings == null || result.warnings.isEmpty() ? "" : "; warnings: " + result.warnings)
                + applicationRole
                        .grant()
                        .map(role -> "; application role " + role + " granted")
                        .orElse("");
        LOG.info(summary);
        return summary;
    }
}
