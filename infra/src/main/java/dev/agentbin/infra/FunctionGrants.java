package dev.agentbin.infra;

import software.amazon.awscdk.services.lambda.Function;

/**
 * Least privilege from the catalog: each grant adds exactly one permission and the variable that
 * tells the app where to find it. Every function reads the database secret; nothing else is given.
 */
final class FunctionGrants {

    private final Database database;
    private final AppSecrets secrets;

    FunctionGrants(Database database, AppSecrets secrets) {
        this.database = database;
        this.secrets = secrets;
    }

    void apply(FunctionSpec spec, Function function) {
        database.secret().grantRead(function);
        for (FunctionSpec.Grant grant : spec.grants()) {
            switch (grant) {
                case JWT_SIGNING_KEY -> {
                    function.addEnvironment("AGENTBIN_JWT_SIGNING_KEY_SECRET_ARN", secrets.jwtSigningKey().getSecretArn());
                    secrets.jwtSigningKey().grantRead(function);
                }
                case TELEPHONY_CREDENTIALS -> {
                    function.addEnvironment("AGENTBIN_TELEPHONY_SECRET_ARN", secrets.telephonyCredentials().getSecretArn());
                    secrets.telephonyCredentials().grantRead(function);
                }
                // Receive and delete come with the SQS event source (EventTriggers), which the catalog pairs with
                // this grant; the handler is given its records, so it needs no queue URL.
                case RING_QUEUE_CONSUME -> { }
            }
        }
    }
}
