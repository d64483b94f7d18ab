package dev.agentbin.infra;

import software.amazon.awscdk.services.lambda.Function;

/**
 * Least privilege from the catalog: each grant adds exactly one permission and the variable that
 * tells the app where to find it. Every function reads the database secret; nothing else is given.
 */
final class FunctionGrants {

    private final Database database;
    private final AppSecrets secrets;
    private final EventDelivery events;

    FunctionGrants(Database database, AppSecrets secrets, EventDelivery events) {
        this.database = database;
        this.secrets = secrets;
        this.events = events;
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
                case EVENTS_PUBLISH -> {
                    function.addEnvironment("AGENTBIN_EVENTS_QUEUE_URL", events.queue().getQueueUrl());
                    function.addEnvironment("AGENTBIN_EVENTS_BUS_NAME", events.bus().getEventBusName());
                    events.queue().grantSendMessages(function);
                    events.bus().grantPutEventsTo(function);
                }
                // Receive, delete and ChangeMessageVisibility (the retry backoff) come with the SQS event source.
                case EVENT_QUEUE_CONSUME -> { }
            }
        }
    }
}
