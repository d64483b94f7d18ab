package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ApiRoutesTest {

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void everyCatalogRouteReachesItsOwnFunction(Flavour flavour) {
        Template template = Synth.catalog("flavour", flavour.name().toLowerCase());
        for (FunctionSpec spec : FunctionCatalog.load(Synth.CATALOG).functions()) {
            for (Route route : spec.routes()) {
                assertEquals(
                        TemplateQueries.functionLogicalId(template, spec),
                        routedFunction(template, route),
                        route.key());
            }
        }
    }

    @Test
    void theRepositoryCatalogHasNoRouteWithoutACatalogEntry() {
        assertRouteCountMatches(Synth.CATALOG);
    }

    @Test
    void functionsVerifyTokensThemselvesSoTheGatewayHasNoAuthorizer() {
        Template template = Synth.catalog();
        template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        assertEquals(
                template.findResources("AWS::ApiGatewayV2::Route", Match.anyValue())
                        .size(),
                template.findResources(
                                "AWS::ApiGatewayV2::Route",
                                Match.objectLike(
                                        Map.of("Properties", Match.objectLike(Map.of("AuthorizationType", "NONE")))))
                        .size());
    }

    @Test
    void accessLogsAreJsonWithTheRouteAndNeverTheQueryString() throws Exception {
        Map<?, ?> stage = TemplateQueries.properties(
                TemplateQueries.resources(Synth.catalog(), "AWS::ApiGatewayV2::Stage"), "stage");
        Map<?, ?> logs = (Map<?, ?>) stage.get("AccessLogSettings");
        org.junit.jupiter.api.Assertions.assertNotNull(logs, "the stage writes no access log");
        String format = (String) logs.get("Format");
        Map<?, ?> fields = new com.fasterxml.jackson.databind.ObjectMapper().readValue(format, Map.class);
        assertEquals("$context.routeKey", fields.get("routeKey"));
        // Tokens and access keys may travel in ?token= / ?accesskey=: no variable that carries the query is logged.
        for (Object value : fields.values()) {
            String variable = value.toString().toLowerCase();
            org.junit.jupiter.api.Assertions.assertFalse(
                    variable.contains("query")
                            || variable.contains("rawpath")
                            || variable.contains("requestoverride")
                            || variable.contains("url"),
                    variable);
        }
    }

    private static void assertRouteCountMatches(Path catalog) {
        int catalogRoutes = FunctionCatalog.load(catalog).functions().stream()
                .mapToInt(f -> f.routes().size())
                .sum();
        Synth.of(catalog).template().resourceCountIs("AWS::ApiGatewayV2::Route", catalogRoutes);
    }

    /** Route → {"Fn::Join": ["", ["integrations/", {"Ref": integration}]]} → IntegrationUri → function. */
    @SuppressWarnings("unchecked")
    private static String routedFunction(Template template, Route route) {
        Map<String, Object> routeProps = TemplateQueries.properties(
                template.findResources(
                        "AWS::ApiGatewayV2::Route",
                        Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("RouteKey", route.key()))))),
                route.key());
        List<Object> join = (List<Object>) ((Map<String, Object>) routeProps.get("Target")).get("Fn::Join");
        Map<String, Object> integrationRef = (Map<String, Object>) ((List<Object>) join.get(1)).get(1);
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        Map<String, Object> integration = (Map<String, Object>) resources.get((String) integrationRef.get("Ref"));
        Object uri = ((Map<String, Object>) integration.get("Properties")).get("IntegrationUri");
        return TemplateQueries.invokedFunction(template, uri);
    }
}
