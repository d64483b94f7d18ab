package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseProxy;
import software.amazon.awscdk.services.rds.DatabaseProxyOptions;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * Aurora PostgreSQL Serverless v2 that pauses at 0 ACU when idle, with optional RDS Proxy.
 * A proxy holds connections open and so keeps the cluster from ever pausing (AWS docs): off by default.
 */
final class Database extends Construct {

    static final String NAME = "agentbin";
    static final String USERNAME = "agentbin";
    private static final int PORT = 5432;
    /** Resuming from 0 ACU takes about 15 s, 30 s or more after a day paused: wait longer than that. */
    private static final String CONNECTION_OPTIONS = "sslmode=require&connectTimeout=35&sslResponseTimeout=35000";

    private final DatabaseCluster cluster;
    private final DatabaseProxy proxy;

    Database(Construct scope, String id, Network network, boolean withProxy) {
        super(scope, id);
        this.cluster = DatabaseCluster.Builder.create(this, "Cluster")
                .engine(DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.VER_16_6)
                        .build()))
                .writer(ClusterInstance.serverlessV2("writer"))
                .serverlessV2MinCapacity(0)
                .serverlessV2MaxCapacity(4)
                // Setting the pause also makes CDK check that the engine version can pause at all.
                .serverlessV2AutoPauseDuration(Duration.seconds(600))
                .credentials(Credentials.fromGeneratedSecret(USERNAME))
                .defaultDatabaseName(NAME)
                .port(PORT)
                .vpc(network.vpc())
                .vpcSubnets(network.databaseSubnets())
                .build();
        this.proxy = withProxy
                ? cluster.addProxy("Proxy", DatabaseProxyOptions.builder()
                        .secrets(List.of(cluster.getSecret()))
                        .vpc(network.vpc())
                        .vpcSubnets(network.databaseSubnets())
                        .requireTls(true)
                        .build())
                : null;
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
        String host = proxy != null ? proxy.getEndpoint() : cluster.getClusterEndpoint().getHostname();
        return "jdbc:postgresql://" + host + ":" + PORT + "/" + NAME + "?" + CONNECTION_OPTIONS;
    }

    ISecret secret() {
        return cluster.getSecret();
    }
}
