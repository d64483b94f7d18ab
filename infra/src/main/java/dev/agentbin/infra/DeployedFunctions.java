package dev.agentbin.infra;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Lambda per catalog entry, configured for the chosen flavour; those that use the database sit in the
 * VPC with the RDS certificate bundle.
 */
final class DeployedFunctions extends Construct {

    static final String LIVE_ALIAS = "live";

    private final List<DeployedFunction> functions;

    private final ILayerVersion caBundle;

    /** One per module: its functions run the same build, so it is packaged (and uploaded or built) once. */
    private final Map<FunctionSpec.Module, Code> code = new EnumMap<>(FunctionSpec.Module.class);

    DeployedFunctions(
            Construct scope,
            String id,
            FunctionCatalog catalog,
            DeploySettings settings,
            Network network,
            ILayerVersion caBundle,
            FunctionEnvironment environment,
            FunctionGrants grants) {
        super(scope, id);
        this.caBundle = caBundle;
        this.functions = catalog.functions().stream()
                .map(spec -> deploy(spec, settings, network, environment, grants))
                .toList();
    }

    List<DeployedFunction> all() {
        return functions;
    }

    List<DeployedFunction> of(FunctionSpec.Module module) {
        return functions.stream().filter(f -> f.spec().module() == module).toList();
    }

    private DeployedFunction deploy(
            FunctionSpec spec,
            DeploySettings settings,
            Network network,
            FunctionEnvironment environment,
            FunctionGrants grants) {
        boolean servesTraffic = !spec.runsAtDeploy();
        Function.Builder builder = Function.Builder.create(this, spec.name())
                .functionName(Stack.of(this).getStackName() + "-" + spec.name())
                .code(code.computeIfAbsent(
                        spec.module(), module -> settings.flavour().code(settings.assetsDir(), module)))
                .memorySize(spec.memory())
                .timeout(Duration.seconds(spec.timeout()))
                .environment(environment.of(spec))
                // X-Ray records each invocation (init, restore, duration) from outside the function: no SDK inside.
                .tracing(Tracing.ACTIVE)
                .logGroup(LogGroup.Builder.create(this, spec.name() + "-logs")
                        .retention(RetentionDays.ONE_MONTH)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build());
        // Only the database needs the VPC; a function without it gets no network access to it at all.
        if (spec.usesDatabase()) {
            builder.vpc(network.vpc())
                    .vpcSubnets(network.functionSubnets())
                    .securityGroups(List.of(network.functionSecurityGroup()));
            if (settings.flavour().takesLayers()) {
                builder.layers(List.of(caBundle));
            }
        }
        if (settings.secretsRevision() != null) {
            // Functions read their secrets once, at start (with SnapStart: in the published version's snapshot).
            // A new description publishes new versions, which read the secrets' current values.
            builder.description("secrets revision " + settings.secretsRevision());
        }
        if (spec.reservedConcurrency() != null) {
            builder.reservedConcurrentExecutions(spec.reservedConcurrency());
        }
        settings.flavour().configure(builder, servesTraffic);
        Function function = builder.build();
        grants.apply(spec, function);
        NagReasons.suppress(
                function.getRole(),
                "AwsSolutions-IAM4",
                "AWS's Lambda execution policies: logs to the function's own log group, and (in the VPC) its network "
                        + "interfaces; everything else the function may do is an explicit grant (FunctionGrants)",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
        NagReasons.suppress(
                function.getRole(),
                "AwsSolutions-IAM5",
                "active tracing's xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level "
                        + "permissions (MonitoringTest: no other statement has a wildcard resource)",
                "Resource::*");
        return new DeployedFunction(spec, function, entryPoint(function, settings.flavour(), servesTraffic));
    }

    private static IFunction entryPoint(Function function, Flavour flavour, boolean servesTraffic) {
        if (!flavour.needsPublishedAlias(servesTraffic)) {
            return function;
        }
        // CDK warns about SnapStart on every function even though the alias below publishes a version.
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish",
                        "the live alias publishes a version on every code or configuration change");
        return function.addAlias(LIVE_ALIAS);
    }
}
