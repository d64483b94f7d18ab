package dev.agentbin.infra;

import java.util.List;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.constructs.Construct;

/**
 * One HTTP API; each api function is attached to its own routes only.
 *
 * No gateway authorizer on purpose: tokens may come in a `token` cookie or a `?token=` query
 * parameter (VoIPBIN clients), which API Gateway's JWT authorizer cannot read, and the functions
 * re-read the caller from the database on every request anyway. They verify the token themselves.
 */
final class HttpApiRoutes extends Construct {

    private static final int RATE_LIMIT_PER_SECOND = 50;
    private static final int BURST_LIMIT = 100;

    private final HttpStage stage;

    HttpApiRoutes(Construct scope, String id, List<DeployedFunction> apiFunctions) {
        super(scope, id);
        HttpApi api = HttpApi.Builder.create(this, "HttpApi")
                .apiName("agentbin")
                // The default stage cannot be throttled; the explicit $default stage below can.
                .createDefaultStage(false)
                .build();
        this.stage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT_PER_SECOND).burstLimit(BURST_LIMIT).build())
                .build());
        for (DeployedFunction function : apiFunctions) {
            HttpLambdaIntegration integration =
                    new HttpLambdaIntegration(function.spec().name() + "-integration", function.entryPoint());
            for (Route route : function.spec().routes()) {
                api.addRoutes(AddRoutesOptions.builder()
                        .path(route.path())
                        .methods(List.of(HttpMethod.valueOf(route.method())))
                        .integration(integration)
                        .authorizer(new HttpNoneAuthorizer())
                        .build());
            }
        }
    }

    String url() {
        return stage.getUrl();
    }
}
