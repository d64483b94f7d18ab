package dev.agentbin.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Everything agentbin runs on, built from the function catalog and the deploy settings. */
public final class AgentbinStack extends Stack {

    public AgentbinStack(
            Construct scope, String id, StackProps props, DeploySettings settings, FunctionCatalog catalog) {
        super(scope, id, props);
        Network network = new Network(this, "Network", settings.egress());
        Database database = new Database(this, "Database", network, settings.rdsProxy());
        database.allowConnectionsFrom(network.functionSecurityGroup());
        AppSecrets secrets = new AppSecrets(this, "Secrets");
        RingQueue ringQueue = new RingQueue(
                this,
                "RingQueue",
                catalog.functions().stream()
                        .filter(f -> f.has(FunctionSpec.Grant.RING_QUEUE_CONSUME))
                        .toList());
        EventDelivery events = new EventDelivery(
                this,
                "Events",
                catalog.functions().stream()
                        .filter(f -> f.has(FunctionSpec.Grant.EVENT_QUEUE_CONSUME))
                        .toList());

        FunctionEnvironment environment = new FunctionEnvironment(
                database, jwtPublicKey(), jwtPreviousPublicKey(), bootstrapAdminEnvironment(settings.bootstrapAdmin()));
        DeployedFunctions functions = new DeployedFunctions(
                this,
                "Functions",
                catalog,
                settings,
                network,
                database.caBundle(),
                environment,
                new FunctionGrants(database, secrets, events, settings.mail()));
        HttpApiRoutes api = new HttpApiRoutes(this, "Api", functions.of(FunctionSpec.Module.API));
        mailLinks(settings, catalog, functions, api);
        new EventTriggers(
                this,
                "Triggers",
                functions.of(FunctionSpec.Module.EVENTS),
                Map.of(RingQueue.NAME, ringQueue.queue(), EventDelivery.NAME, events.queue()),
                database);
        AlarmTopic alarmTopic = new AlarmTopic(this, "AlarmTopic", settings.alarmSubscription());
        new Alarms(this, "Alarms", alarmTopic.topic(), functions.all(), ringQueue, events, api.api(), database);
        new OperationsDashboard(this, "Operations", functions.all(), ringQueue, events, api.api(), database);

        if (settings.egress() == Egress.ENDPOINTS
                && catalog.functions().stream().anyMatch(f -> f.has(FunctionSpec.Grant.TELEPHONY_CREDENTIALS))) {
            Annotations.of(this)
                    .addWarningV2(
                            "agentbin:telephonyUnreachable",
                            "networking=endpoints has no internet egress: a real telephony provider is unreachable, "
                                    + "only the simulator works. Deploy with networking=nat to call out.");
        }
        if (settings.egress() == Egress.ENDPOINTS
                && catalog.functions().stream().anyMatch(f -> f.has(FunctionSpec.Grant.EVENT_QUEUE_CONSUME))) {
            Annotations.of(this)
                    .addWarningV2(
                            "agentbin:webhooksUnreachable",
                            "networking=endpoints has no internet egress: customers' webhooks are unreachable (events still "
                                    + "reach the EventBridge bus). Deploy with networking=nat to deliver webhooks.");
        }
        CfnOutput.Builder.create(this, "ApiUrl").value(api.url()).build();
        CfnOutput.Builder.create(this, "RingQueueUrl")
                .value(ringQueue.queue().getQueueUrl())
                .build();
        CfnOutput.Builder.create(this, "EventBusName")
                .value(events.bus().getEventBusName())
                .build();
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .value(alarmTopic.topic().getTopicArn())
                .build();
    }

    /**
     * Mailed links (password reset) point at publicUrl, or else at this API; the app never builds them from
     * a request's Host header.
     */
    private void mailLinks(
            DeploySettings settings, FunctionCatalog catalog, DeployedFunctions functions, HttpApiRoutes api) {
        if (catalog.functions().stream().noneMatch(f -> f.has(FunctionSpec.Grant.MAIL_SEND))) {
            return;
        }
        if (settings.mail() == null) {
            Annotations.of(this)
                    .addWarningV2(
                            "agentbin:mailUnconfigured",
                            "no mailFrom: password-forgot cannot send its links and answers 500. Deploy with "
                                    + "-c mailFrom=<address of an SES-verified identity> (and -c mailIdentity=<identity> "
                                    + "when it is not the address's domain).");
        }
        String baseUrl = settings.publicUrl() == null ? api.url() : settings.publicUrl();
        functions.all().stream()
                .filter(f -> f.spec().has(FunctionSpec.Grant.MAIL_SEND))
                .forEach(f -> f.function().addEnvironment("AGENTBIN_PASSWORD_RESET_BASE_URL", baseUrl));
    }

    /** The RS256 public key that verifies tokens: not secret, so a plain deploy parameter. */
    private String jwtPublicKey() {
        return CfnParameter.Builder.create(this, "JwtPublicKey")
                .type("String")
                .description("RS256 public key (PEM or its base64 body) that verifies agentbin tokens")
                .build()
                .getValueAsString();
    }

    /**
     * During a key rotation, the public key tokens were signed with before (docs/deploy.md, "Token keys
     * and their rotation"); empty, the default, when none is.
     */
    private String jwtPreviousPublicKey() {
        return CfnParameter.Builder.create(this, "JwtPreviousPublicKey")
                .type("String")
                .defaultValue("")
                .description("During a key rotation only: the RS256 public key agentbin tokens were signed with before")
                .build()
                .getValueAsString();
    }

    /**
     * Username and customer come from context; the password is a NoEcho parameter so that it stays
     * out of cdk.json, the template and the console's parameter view. It still ends up in the login
     * function's environment, hence: remove it after the first sign-in (infra/README.md).
     */
    private Map<String, String> bootstrapAdminEnvironment(DeploySettings.BootstrapAdmin admin) {
        if (admin == null) {
            return Map.of();
        }
        String password = CfnParameter.Builder.create(this, "BootstrapAdminPassword")
                .type("String")
                .noEcho(true)
                .minLength(8)
                .description("Password of the first admin of bootstrapCustomerId")
                .build()
                .getValueAsString();
        return Map.of(
                "AGENTBIN_BOOTSTRAP_USERNAME", admin.username(),
                "AGENTBIN_BOOTSTRAP_PASSWORD", password,
                "AGENTBIN_BOOTSTRAP_CUSTOMER_ID", admin.customerId());
    }
}
