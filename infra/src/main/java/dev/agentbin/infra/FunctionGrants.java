package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;

/**
 * Least privilege from the catalog: each grant adds exactly one permission and the variable that
 * tells the app where to find it. A function that uses the database reads the secret of the user it connects as (the migration also the
 * application role's, which it creates); nothing else is given.
 */
final class FunctionGrants {

    private final Database database;
    private final AppSecrets secrets;
    private final EventDelivery events;
    private final DeploySettings.MailSender mail;

    /** @param mail the SES sender, or null when the deployment sends no mail */
    FunctionGrants(Database database, AppSecrets secrets, EventDelivery events, DeploySettings.MailSender mail) {
        this.database = database;
        this.secrets = secrets;
        this.events = events;
        this.mail = mail;
    }

    void apply(FunctionSpec spec, Function function) {
        if (spec.usesDatabase()) {
            database.secretFor(spec).grantRead(function);
            if (spec.runsAtDeploy()) {
                database.appRoleSecret().grantRead(function);
            }
        }
        for (FunctionSpec.Grant grant : spec.grants()) {
            switch (grant) {
                case JWT_SIGNING_KEY -> {
                    function.addEnvironment(
                            "AGENTBIN_JWT_SIGNING_KEY_SECRET_ARN",
                            secrets.jwtSigningKey().getSecretArn());
                    secrets.jwtSigningKey().grantRead(function);
                }
                case TELEPHONY_CREDENTIALS -> {
                    function.addEnvironment(
                            "AGENTBIN_TELEPHONY_SECRET_ARN",
                            secrets.telephonyCredentials().getSecretArn());
                    secrets.telephonyCredentials().grantRead(function);
                }
                // Receive and delete come with the SQS event source (EventTriggers), which the catalog pairs with
                // this grant; the handler is given its records, so it needs no queue URL.
                case RING_QUEUE_CONSUME -> {}
                case EVENTS_PUBLISH -> {
                    function.addEnvironment(
                            "AGENTBIN_EVENTS_QUEUE_URL", events.queue().getQueueUrl());
                    function.addEnvironment(
                            "AGENTBIN_EVENTS_BUS_NAME", events.bus().getEventBusName());
                    events.queue().grantSendMessages(function);
                    events.bus().grantPutEventsTo(function);
                }
                // Receive, delete and ChangeMessageVisibility (the retry backoff) come with the SQS event source.
                case EVENT_QUEUE_CONSUME -> {}
                // Without a sender the function starts without a mail provider and refuses to send (the stack warns).
                case MAIL_SEND -> {
                    if (mail != null) {
                        function.addEnvironment("AGENTBIN_MAIL_PROVIDER", "ses");
                        function.addEnvironment("AGENTBIN_MAIL_FROM", mail.from());
                        function.addToRolePolicy(PolicyStatement.Builder.create()
                                .actions(List.of("ses:SendEmail"))
                                .resources(List.of(Stack.of(function)
                                        .formatArn(ArnComponents.builder()
                                                .service("ses")
                                                .resource("identity")
                                                .resourceName(mail.identity())
                                                .build())))
                                .build());
                    }
                }
            }
        }
    }
}
