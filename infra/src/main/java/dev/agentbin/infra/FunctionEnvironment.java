package dev.agentbin.infra;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment a function starts with, from what its catalog entry says it is. Per-grant
 * variables are added with the grant itself (see FunctionGrants).
 */
final class FunctionEnvironment {

    /** Lambda runs one request at a time per instance; more connections would only wake Aurora for nothing. */
    private static final String POOL_SIZE = "2";

    private final Database database;
    private final String jwtPublicKey;
    private final String jwtPreviousPublicKey;
    private final Map<String, String> bootstrapAdmin;

    /**
     * @param jwtPublicKey         the RS256 public key every api function verifies tokens with (not a secret)
     * @param jwtPreviousPublicKey during a key rotation, the key tokens were signed with before; empty otherwise
     * @param bootstrapAdmin       AGENTBIN_BOOTSTRAP_* variables for the token-issuing function, or empty
     */
    FunctionEnvironment(
            Database database, String jwtPublicKey, String jwtPreviousPublicKey, Map<String, String> bootstrapAdmin) {
        this.database = database;
        this.jwtPublicKey = jwtPublicKey;
        this.jwtPreviousPublicKey = jwtPreviousPublicKey;
        this.bootstrapAdmin = Map.copyOf(bootstrapAdmin);
    }

    Map<String, String> of(FunctionSpec spec) {
        Map<String, String> env = new HashMap<>();
        if (spec.usesDatabase()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", database.usernameFor(spec));
            // The password stays in Secrets Manager; the app resolves it from this ARN at start.
            env.put("AGENTBIN_DB_SECRET_ARN", database.secretFor(spec).getSecretArn());
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", POOL_SIZE);
            // Only the per-deploy migration function migrates; others must not race it on a cold start.
            env.put("QUARKUS_FLYWAY_MIGRATE_AT_START", Boolean.toString(spec.runsAtDeploy()));
            if (spec.runsAtDeploy()) {
                // The role the migration creates (or resets) for every other function.
                env.put("AGENTBIN_DB_APP_SECRET_ARN", database.appRoleSecret().getSecretArn());
            }
        }
        if (spec.handler() != null) {
            env.put("QUARKUS_LAMBDA_HANDLER", spec.handler());
        }
        if (spec.module() == FunctionSpec.Module.API) {
            // One Quarkus app serves every api function, so each needs the full verification config.
            env.put("AGENTBIN_JWT_PUBLIC_KEY", jwtPublicKey);
            env.put("AGENTBIN_JWT_PREVIOUS_PUBLIC_KEY", jwtPreviousPublicKey);
        }
        if (spec.has(FunctionSpec.Grant.JWT_SIGNING_KEY)) {
            // The first admin signs in where tokens are issued.
            env.putAll(bootstrapAdmin);
        }
        return env;
    }
}
