package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The VPC: the database always sits in isolated subnets; functions sit in private subnets that
 * reach out through one NAT gateway, or (endpoints) in isolated subnets with interface endpoints.
 */
final class Network extends Construct {

    private static final int AVAILABILITY_ZONES = 2; // Aurora's subnet group needs two

    private final Vpc vpc;
    private final SecurityGroup functionSecurityGroup;
    private final SubnetSelection functionSubnets;
    private final SubnetSelection databaseSubnets = subnets(SubnetType.PRIVATE_ISOLATED);

    Network(Construct scope, String id, Egress egress) {
        super(scope, id);
        boolean nat = egress == Egress.NAT;
        this.functionSubnets = subnets(nat ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PRIVATE_ISOLATED);
        this.vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .maxAzs(AVAILABILITY_ZONES)
                .natGateways(nat ? 1 : 0)
                .subnetConfiguration(
                        nat
                                ? List.of(
                                        subnet("public", SubnetType.PUBLIC),
                                        subnet("functions", SubnetType.PRIVATE_WITH_EGRESS),
                                        subnet("database", SubnetType.PRIVATE_ISOLATED))
                                : List.of(subnet("isolated", SubnetType.PRIVATE_ISOLATED)))
                .build();
        // Rejected connections only: what a security review needs (probes, misrouted traffic) at little cost.
        vpc.addFlowLog(
                "RejectedFlows",
                FlowLogOptions.builder()
                        .trafficType(FlowLogTrafficType.REJECT)
                        .destination(
                                FlowLogDestination.toCloudWatchLogs(LogGroup.Builder.create(this, "RejectedFlowLogs")
                                        .retention(RetentionDays.ONE_MONTH)
                                        .removalPolicy(RemovalPolicy.DESTROY)
                                        .build()))
                        .build());
        this.functionSecurityGroup = SecurityGroup.Builder.create(this, "FunctionSecurityGroup")
                .vpc(vpc)
                .description("agentbin functions")
                .build();
        if (!nat) {
            // Without NAT these are the only AWS APIs the functions can reach (queues, secrets, the event bus).
            addEndpoint("SqsEndpoint", InterfaceVpcEndpointAwsService.SQS);
            addEndpoint("SecretsManagerEndpoint", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
            addEndpoint("EventBridgeEndpoint", InterfaceVpcEndpointAwsService.EVENTBRIDGE);
        }
    }

    IVpc vpc() {
        return vpc;
    }

    ISecurityGroup functionSecurityGroup() {
        return functionSecurityGroup;
    }

    SubnetSelection functionSubnets() {
        return functionSubnets;
    }

    SubnetSelection databaseSubnets() {
        return databaseSubnets;
    }

    private void addEndpoint(String id, IInterfaceVpcEndpointService service) {
        vpc.addInterfaceEndpoint(
                id,
                InterfaceVpcEndpointOptions.builder()
                        .service(service)
                        .subnets(functionSubnets)
                        .build());
    }

    private static SubnetConfiguration subnet(String name, SubnetType type) {
        return SubnetConfiguration.builder()
                .name(name)
                .subnetType(type)
                .cidrMask(22)
                .build();
    }

    private static SubnetSelection subnets(SubnetType type) {
        return SubnetSelection.builder().subnetType(type).build();
    }
}
