package dev.agentbin.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One HTTP API; each api function is attached to its own routes only.
 *
 * No gateway authorizer on purpose: tokens may come in a `token` cookie or a `?token=` query
 * parameter (VoIPBIN clients), which API Gateway's JWT authorizer cannot read, and the functions
 * re-read the caller from the database on every request anyway. They verify the token themselves.
 */
final class HttpApiRoutes extends Construct {

    /** Each route's limit unless its function's catalog entry sets one (functions.yaml, throttle). */
    static final int DEFAULT_RATE_LIMIT = 50;

    static final int DEFAULT_BURST_LIMIT = 100;

    /**
     * One JSON line per request. The query string never: tokens and access keys may travel in it
     * (?token=, ?accesskey=). $context.path is the path alone.
     */
    static final String ACCESS_LOG_FORMAT =
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                    + "\"requestTime\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\",\"path\":\"$context.path\","
                    + "\"status\":\"$context.status\",\"protocol\":\"$context.protocol\",\"responseLength\":\"$context.responseLength\","
                    + "\"latencyMs\":\"$context.responseLatency\",\"integrationError\":\"$context.integrationErrorMessage\"}";

    private final HttpApi api;
    private final HttpStage stage;

    HttpApiRoutes(Construct scope, String id, List<DeployedFunction> apiFunctions) {
        super(scope, id);
        this.api = HttpApi.Builder.create(this, "HttpApi")
                .apiName("agentbin")
                // The default stage cannot be throttled; the explicit $default stage below can.
                .createDefaultStage(false)
                .build();
        this.stage = api.addStage(
                "DefaultStage",
                HttpStageOptions.builder()
                        .stageName("$default")
                        .autoDeploy(true)
                        .throttle(ThrottleSettings.builder()
                                .rateLimit(DEFAULT_RATE_LIMIT)
                                .burstLimit(DEFAULT_BURST_LIMIT)
                                .build())
                        .build());
        Map<String, Object> routeSettings = new LinkedHashMap<>();
        for (DeployedFunction function : apiFunctions) {
            HttpLambdaIntegration integration =
                    new HttpLambdaIntegration(function.spec().name() + "-integration", function.entryPoint());
            FunctionSpec.Throttle throttle = function.spec().throttle();
            for (Route route : function.spec().routes()) {
                List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                        .path(route.path())
                        .methods(List.of(HttpMethod.valueOf(route.method())))
                        .integration(integration)
                        .authorizer(new HttpNoneAuthorizer())
                        .build());
                // Route settings name route keys, which CloudFormation finds only once the routes exist.
                added.forEach(stage.getNode()::addDependency);
                added.forEach(r -> NagReasons.suppress(r, "AwsSolutions-APIG4", gatewayAuthorization(function.spec())));
                if (throttle != null) {
                    routeSettings.put(
                            route.key(),
                            Map.of("ThrottlingRateLimit", throttle.rate(), "ThrottlingBurstLimit", throttle.burst()));
                }
            }
        }
        CfnStage cfnStage = (CfnStage) stage.getNode().getDefaultChild();
        // No L2 property for per-route settings.
        cfnStage.addPropertyOverride("RouteSettings", routeSettings);
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        cfnStage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(ACCESS_LOG_FORMAT)
                .build());
    }

    private static String gatewayAuthorization(FunctionSpec spec) {
        return spec.auth() == FunctionSpec.Auth.JWT
                ? "the function authenticates every request itself (agent token by header, cookie or ?token=, or an access "
                        + "key), which API Gateway's JWT authorizer cannot read (infra/README.md, Authentication)"
                : "public by design (catalog auth: none): login, logout, password reset and the console page need no "
                        + "caller; the telephony callbacks are authenticated by the provider's signature in the function";
    }

    HttpApi api() {
        return api;
    }

    String url() {
        return stage.getUrl();
    }
}
