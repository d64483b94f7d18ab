package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DatabaseTest {

    @Test
    void auroraScalesFromZeroToItsMaximumAndPausesWhenIdle() {
        Template template = Synth.catalog();
        template.hasResourceProperties(
                "AWS::RDS::DBCluster",
                Match.objectLike(Map.of(
                        "Engine",
                        "aurora-postgresql",
                        "EngineVersion",
                        "16.6",
                        "ServerlessV2ScalingConfiguration",
                        Map.of(
                                "MinCapacity",
                                0,
                                "MaxCapacity",
                                Database.MAX_CAPACITY_ACU,
                                "SecondsUntilAutoPause",
                                600))));
        template.hasResourceProperties(
                "AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.serverless")));
    }

    @Test
    void auroraStorageIsEncryptedWithAKeyOfTheStacksOwnThatRotates() {
        Template template = Synth.catalog();
        Map<String, Object> cluster =
                TemplateQueries.properties(TemplateQueries.resources(template, "AWS::RDS::DBCluster"), "cluster");
        assertEquals(true, cluster.get("StorageEncrypted"));
        String key = (String) ((List<?>) ((Map<?, ?>) cluster.get("KmsKeyId")).get("Fn::GetAtt")).get(0);
        Map<String, Object> keyResource =
                TemplateQueries.resources(template, "AWS::KMS::Key").get(key);
        assertEquals(true, ((Map<?, ?>) keyResource.get("Properties")).get("EnableKeyRotation"));
        // The final snapshot left on stack deletion is encrypted with this key: it must outlive the stack.
        assertEquals("Retain", keyResource.get("DeletionPolicy"));
    }

    @Test
    void noProxyByDefaultBecauseAProxyKeepsAuroraAwake() {
        Synth.catalog().resourceCountIs("AWS::RDS::DBProxy", 0);
    }

    @Test
    void withTheProxyFunctionsConnectThroughIt() {
        Template template = Synth.catalog("rdsProxy", "true");
        String proxy = TemplateQueries.resources(template, "AWS::RDS::DBProxy")
                .keySet()
                .iterator()
                .next();
        Map<?, ?> env = (Map<?, ?>) ((Map<?, ?>) TemplateQueries.function(
                                template,
                                FunctionCatalog.load(Synth.CATALOG).functions().get(0))
                        .get("Environment"))
                .get("Variables");
        String jdbcUrl = env.get("QUARKUS_DATASOURCE_JDBC_URL").toString();
        assertTrue(jdbcUrl.contains(proxy) && jdbcUrl.contains("Endpoint"), jdbcUrl);
    }

    @Test
    void functionsMayReachTheDatabasePort() {
        Synth.catalog()
                .hasResourceProperties(
                        "AWS::EC2::SecurityGroupIngress",
                        Match.objectLike(Map.of(
                                "IpProtocol",
                                "tcp",
                                "SourceSecurityGroupId",
                                Map.of(
                                        "Fn::GetAtt",
                                        Match.arrayWith(
                                                List.of(Match.stringLikeRegexp("NetworkFunctionSecurityGroup.*")))))));
    }
}
