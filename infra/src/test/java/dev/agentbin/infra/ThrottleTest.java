package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** A flood of one route (bcrypt logins, padded forgot requests) must not starve the provider's callbacks or the rings. */
class ThrottleTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);

    @Test
    void everyRouteOfAThrottledFunctionHasItsCatalogLimitAndTheRestTheDefault() {
        Map<?, ?> stage = stage(Synth.catalog());
        Map<?, ?> defaults = (Map<?, ?>) stage.get("DefaultRouteSettings");
        assertEquals(
                Map.of(
                        "ThrottlingRateLimit",
                        HttpApiRoutes.DEFAULT_RATE_LIMIT,
                        "ThrottlingBurstLimit",
                        HttpApiRoutes.DEFAULT_BURST_LIMIT),
                defaults);
        Map<?, ?> routeSettings = (Map<?, ?>) stage.get("RouteSettings");
        assertNotNull(routeSettings, "the stage has no per-route settings");
        for (FunctionSpec spec : CATALOG.functions()) {
            for (Route route : spec.routes()) {
                Object expected = spec.throttle() == null
                        ? null
                        : Map.of(
                                "ThrottlingRateLimit",
                                spec.throttle().rate(),
                                "ThrottlingBurstLimit",
                                spec.throttle().burst());
                assertEquals(expected, routeSettings.get(route.key()), route.key());
            }
        }
    }

    @Test
    void authRoutesAreThrottledBelowTheDefaultAndTelephonyAndRingsAbove() {
        for (FunctionSpec spec : CATALOG.functions()) {
            for (Route route : spec.routes()) {
                if (route.path().startsWith("/auth/")) {
                    assertTrue(
                            spec.throttle() != null && spec.throttle().rate() < HttpApiRoutes.DEFAULT_RATE_LIMIT,
                            route.key() + " is not throttled below the default");
                }
                if (route.path().startsWith("/v1.0/telephony/") || route.key().equals("POST /v1.0/agentcalls")) {
                    assertTrue(
                            spec.throttle() != null && spec.throttle().rate() > HttpApiRoutes.DEFAULT_RATE_LIMIT,
                            route.key() + " has no limit of its own above the default");
                }
            }
        }
    }

    /** Route settings name route keys, which CloudFormation only finds once the routes exist. */
    @Test
    void theStageIsCreatedAfterTheRoutesItThrottles() {
        Template template = Synth.catalog();
        Map<String, Map<String, Object>> stages = TemplateQueries.resources(template, "AWS::ApiGatewayV2::Stage");
        List<?> dependsOn = (List<?>) stages.values().iterator().next().get("DependsOn");
        assertNotNull(dependsOn, "the stage depends on nothing");
        for (String route :
                TemplateQueries.resources(template, "AWS::ApiGatewayV2::Route").keySet()) {
            assertTrue(dependsOn.contains(route), route);
        }
    }

    @Test
    void telephonyCallbacksAndRingDispatchHaveReservedConcurrency() {
        Template template = Synth.catalog();
        for (String name : List.of("telephony-events", "ringall-dispatch")) {
            FunctionSpec spec = spec(name);
            assertNotNull(spec.reservedConcurrency(), name + " reserves no concurrency in the catalog");
            template.hasResourceProperties(
                    "AWS::Lambda::Function",
                    Match.objectLike(Map.of(
                            "FunctionName", TemplateQueries.functionName(spec),
                            "ReservedConcurrentExecutions", spec.reservedConcurrency())));
        }
    }

    /** Beyond its reservation a consumer is throttled, and throttled receives count towards the dead-letter queue. */
    @Test
    void theRingQueueIsPolledNoFasterThanDispatchMayRun() {
        Template template = Synth.catalog();
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Match.objectLike(Map.of(
                        "EventSourceArn",
                                Match.objectLike(Map.of(
                                        "Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("RingQueue.*"))))),
                        "ScalingConfig",
                                Map.of(
                                        "MaximumConcurrency",
                                        spec("ringall-dispatch").reservedConcurrency()))));
    }

    private static Map<?, ?> stage(Template template) {
        return TemplateQueries.properties(TemplateQueries.resources(template, "AWS::ApiGatewayV2::Stage"), "stage");
    }

    private static FunctionSpec spec(String name) {
        return CATALOG.functions().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
