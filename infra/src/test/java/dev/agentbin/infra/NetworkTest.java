package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class NetworkTest {

    @Test
    void byDefaultOneNatGatewayAndNoEndpoints() {
        Template template = Synth.catalog();
        template.resourceCountIs("AWS::EC2::NatGateway", 1);
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
    }

    @Test
    void endpointsReplaceTheNatGatewayForQueueAndSecrets() {
        Template template = Synth.catalog("networking", "endpoints");
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 3);
        String services = TemplateQueries.resources(template, "AWS::EC2::VPCEndpoint").values().stream()
                .map(endpoint -> ((Map<?, ?>) endpoint.get("Properties"))
                        .get("ServiceName")
                        .toString())
                .sorted()
                .toList()
                .toString();
        assertTrue(
                services.contains(".secretsmanager") && services.contains(".sqs") && services.contains(".events"),
                services);
    }

    @Test
    void endpointsWarnThatTheTelephonyProviderIsUnreachable() {
        Annotations.fromStack(Synth.of(Synth.CATALOG, "networking", "endpoints").stack())
                .hasWarning("*", Match.stringLikeRegexp(".*telephony provider is unreachable.*"));
    }

    @Test
    void endpointsWarnThatWebhooksAreUnreachable() {
        Annotations.fromStack(Synth.of(Synth.CATALOG, "networking", "endpoints").stack())
                .hasWarning("*", Match.stringLikeRegexp(".*webhooks are unreachable.*"));
    }

    /** The defaults plus the one setting without a default (mail's sender, see IamPolicyTest). */
    @Test
    void theDefaultSynthHasNoWarnings() {
        Annotations.fromStack(Synth.of(Synth.CATALOG, "mailFrom", "no-reply@mail.example.com")
                        .stack())
                .hasNoWarning("*", Match.anyValue());
    }

    /** The others run outside it (DatabaseAccessTest). */
    @Test
    void everyFunctionThatUsesTheDatabaseRunsInTheVpc() {
        Template template = Synth.catalog();
        assertEquals(
                FunctionCatalog.load(Synth.CATALOG).functions().stream()
                        .filter(FunctionSpec::usesDatabase)
                        .count(),
                template.findResources(
                                "AWS::Lambda::Function",
                                Match.objectLike(
                                        Map.of("Properties", Match.objectLike(Map.of("VpcConfig", Match.anyValue())))))
                        .size());
    }
}
