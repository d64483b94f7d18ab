package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Aurora PostgreSQL Serverless v2 that pauses at 0 ACU when idle, with optional RDS Proxy.
 * A proxy holds connections open and so keeps the cluster from ever pausing (AWS docs): off by default.
 * Storage is encrypted with a key of the stack's own. Two users: the master user, for the deploy migration
 * alone, and the application role it creates (DML only), for every other function that connects.
 */
final class Database extends Construct {

    static final String NAME = "agentbin";
    static final String USERNAME = "agentbin";
    static final String APP_USERNAME = "agentbin_app";
    /** A layer's files land under /opt: this folder (relative to infra/) holds rds-ca/global-bundle.pem. */
    static final String CA_LAYER_DIR = "rds-ca-layer";

    static final String CA_BUNDLE = "/opt/rds-ca/global-bundle.pem";
    private static final int PORT = 5432;
    /**
     * The most Aurora may scale to; the database-at-max-capacity alarm watches for it. A 1,000-agent call
     * center's peak hour keeps about 11.5 ACU busy (docs/capacity.md); Serverless v2 bills the ACU used, so
     * the ceiling costs nothing until the load needs it.
     */
    static final int MAX_CAPACITY_ACU = 16;
    /**
     * verify-full: the server's certificate must chain to an Amazon RDS root (or, for RDS Proxy, an Amazon Trust
     * Services root) in the bundle and name the host connected to. Resuming from 0 ACU takes about 15 s, 30 s
     * or more after a day paused: wait longer than that.
     */
    private static final String CONNECTION_OPTIONS =
            "sslmode=verify-full&sslrootcert=" + CA_BUNDLE + "&connectTimeout=35&sslResponseTimeout=35000";

    private final DatabaseCluster cluster;
    private final DatabaseProxy proxy;
    private final Secret appRoleSecret;
    private final LayerVersion caBundle;

    Database(Construct scope, String id, Network network, boolean withProxy) {
        super(scope, id);
        this.cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_6)
                        .build()))
                .writer(ClusterInstance.serverlessV2("writer"))
                .serverlessV2MinCapacity(0)
                .serverlessV2MaxCapacity(MAX_CAPACITY_ACU)
                // Setting the pause also makes CDK check that the engine version can pause at all.
                .serverlessV2AutoPauseDuration(Duration.seconds(600))
                .credentials(Credentials.fromGeneratedSecret(USERNAME))
                // A stack deletion (or a replacement) must not take the data with it: switched off by hand first.
                .deletionProtection(true)
                .storageEncrypted(true)
                .storageEncryptionKey(storageKey())
                .defaultDatabaseName(NAME)
                .port(PORT)
                .vpc(network.vpc())
                .vpcSubnets(network.databaseSubnets())
                .build();
        // Punctuation excluded: the password goes into a JDBC connection, never through a URL or a shell.
        this.appRoleSecret = Secret.Builder.create(this, "AppRoleSecret")
                .description("agentbin application database role (DML only), created by the deploy migration")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"username\":\"" + APP_USERNAME + "\"}")
                        .generateStringKey("password")
                        .excludePunctuation(true)
                        .passwordLength(32)
                        .build())
                .build();
        this.proxy = withProxy
                ? cluster.addProxy(
                        "Proxy",
                        DatabaseProxyOptions.builder()
                                // The proxy lets in only the users whose secrets it holds.
                                .secrets(List.of(cluster.getSecret(), appRoleSecret))
                                .vpc(network.vpc())
                                .vpcSubnets(network.databaseSubnets())
                                .requireTls(true)
                                .build())
                : null;
        NagReasons.suppress(
                cluster,
                "AwsSolutions-RDS6",
                "password authentication with a DML-only application role "
                        + "instead of IAM database authentication (infra/README.md, Database access, says why)");
        // getSecret() is the secret's attachment to the cluster; the rule looks at the generated secret itself.
        NagReasons.suppress(
                cluster.getNode().findChild("Secret"),
                "AwsSolutions-SMG4",
                "the master password is used "
                        + "only by the deploy migration; rotating it needs a hosted rotation function, which this stack does not "
                        + "deploy yet");
        NagReasons.suppress(
                appRoleSecret,
                "AwsSolutions-SMG4",
                "the deploy migration sets the role's password from this "
                        + "secret: a new value takes effect at the next deploy (infra/README.md, Database access)");
        this.caBundle = LayerVersion.Builder.create(this, "RdsCaBundle")
                .description("Amazon RDS and RDS Proxy root certificates, for sslmode=verify-full")
                .code(Code.fromAsset(CA_LAYER_DIR))
                .build();
    }

    /** Retained: the final snapshot left when the stack is deleted is encrypted with it. */
    private Key storageKey() {
        return Key.Builder.create(this, "StorageKey")
                .description("agentbin Aurora storage")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** Functions connect through the proxy when there is one, else straight to the writer. */
    void allowConnectionsFrom(ISecurityGroup functions) {
        String why = "agentbin functions";
        if (proxy != null) {
            proxy.getConnections().allowFrom(functions, Port.tcp(PORT), why);
        } else {
            cluster.getConnections().allowDefaultPortFrom(functions, why);
        }
    }

    String jdbcUrl() {
        String host = proxy != null
                ? proxy.getEndpoint()
                : cluster.getClusterEndpoint().getHostname();
        return "jdbc:postgresql://" + host + ":" + PORT + "/" + NAME + "?" + CONNECTION_OPTIONS;
    }

    /** Only the deploy migration connects as the master user; it creates the application role. */
    String usernameFor(FunctionSpec spec) {
        return spec.runsAtDeploy() ? USERNAME : APP_USERNAME;
    }

    ISecret secretFor(FunctionSpec spec) {
        return spec.runsAtDeploy() ? cluster.getSecret() : appRoleSecret;
    }

    ISecret appRoleSecret() {
        return appRoleSecret;
    }

    DatabaseCluster cluster() {
        return cluster;
    }

    ILayerVersion caBundle() {
        return caBundle;
    }
}
