package dev.agentbin.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Template;

/** Who reaches the database, as whom, and over what: least privilege and a verified TLS connection. */
class DatabaseAccessTest {

    private static final FunctionCatalog CATALOG = FunctionCatalog.load(Synth.CATALOG);

    @Test
    void theCatalogSaysConsoleAndLogoutNeedNoDatabase() {
        assertEquals(
                Set.of("console", "auth-logout"),
                CATALOG.functions().stream()
                        .filter(f -> !f.usesDatabase())
                        .map(FunctionSpec::name)
                        .collect(Collectors.toSet()));
    }

    @Test
    void functionsWithoutTheDatabaseGetNoVpcNoSecretAndNoConnectionSettings() {
        Template template = Synth.catalog();
        for (FunctionSpec spec : CATALOG.functions()) {
            Map<String, Object> function = TemplateQueries.function(template, spec);
            Map<?, ?> env = environment(function);
            assertEquals(spec.usesDatabase(), function.containsKey("VpcConfig"), spec.name() + " VPC");
            assertEquals(spec.usesDatabase(), env.containsKey("AGENTBIN_DB_SECRET_ARN"), spec.name() + " secret ARN");
            assertEquals(
                    spec.usesDatabase(), env.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), spec.name() + " JDBC URL");
            if (!spec.usesDatabase()) {
                Set<String> secrets = IamStatements.secretsReadBy(template, TemplateQueries.roleOf(template, spec));
                assertEquals(Set.of(), secrets, spec.name() + " reads secrets");
            }
        }
    }

    @Test
    void runtimeFunctionsReadOnlyTheApplicationRoleSecretAndConnectAsThatRole() {
        Template template = Synth.catalog();
        String master = secretAttachment(template);
        String app = appSecret(template);
        for (FunctionSpec spec : CATALOG.functions()) {
            if (!spec.usesDatabase() || spec.runsAtDeploy()) {
                continue;
            }
            Set<String> read = IamStatements.secretsReadBy(template, TemplateQueries.roleOf(template, spec));
            assertTrue(read.contains(app), spec.name() + " cannot read the application secret: " + read);
            assertFalse(read.contains(master), spec.name() + " reads the master secret");
            Map<?, ?> env = environment(TemplateQueries.function(template, spec));
            assertEquals(Map.of("Ref", app), env.get("AGENTBIN_DB_SECRET_ARN"), spec.name());
            assertEquals(Database.APP_USERNAME, env.get("QUARKUS_DATASOURCE_USERNAME"), spec.name());
            assertFalse(env.containsKey("AGENTBIN_DB_APP_SECRET_ARN"), spec.name());
        }
    }

    @Test
    void onlyTheMigrationReadsTheMasterSecretAndItCreatesTheApplicationRole() {
        Template template = Synth.catalog();
        String master = secretAttachment(template);
        Set<String> readers = CATALOG.functions().stream()
                .filter(f -> IamStatements.secretsReadBy(template, TemplateQueries.roleOf(template, f))
                        .contains(master))
                .map(FunctionSpec::name)
                .collect(Collectors.toSet());
        assertEquals(
                CATALOG.functions().stream()
                        .filter(FunctionSpec::runsAtDeploy)
                        .map(FunctionSpec::name)
                        .collect(Collectors.toSet()),
                readers);
        FunctionSpec migrate = CATALOG.functions().stream()
                .filter(FunctionSpec::runsAtDeploy)
                .findFirst()
                .orElseThrow();
        Map<?, ?> env = environment(TemplateQueries.function(template, migrate));
        assertEquals(Map.of("Ref", master), env.get("AGENTBIN_DB_SECRET_ARN"));
        assertEquals(Database.USERNAME, env.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(Map.of("Ref", appSecret(template)), env.get("AGENTBIN_DB_APP_SECRET_ARN"));
        assertTrue(IamStatements.secretsReadBy(template, TemplateQueries.roleOf(template, migrate))
                .contains(appSecret(template)));
    }

    /** RDS Proxy lets in only the users whose secrets it holds. */
    @Test
    void withTheProxyTheApplicationRoleMayConnectThroughIt() {
        Template template = Synth.catalog("rdsProxy", "true");
        Map<String, Object> proxy =
                TemplateQueries.properties(TemplateQueries.resources(template, "AWS::RDS::DBProxy"), "proxy");
        assertTrue(
                proxy.get("Auth").toString().contains("Ref=" + appSecret(template) + "}"),
                proxy.get("Auth").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "true"})
    void theDeployedJdbcUrlVerifiesTheServerAgainstTheBundledAmazonCertificates(String rdsProxy) {
        Template template = Synth.catalog("rdsProxy", rdsProxy);
        for (FunctionSpec spec : CATALOG.functions()) {
            if (!spec.usesDatabase()) {
                continue;
            }
            Map<String, Object> function = TemplateQueries.function(template, spec);
            String url =
                    environment(function).get("QUARKUS_DATASOURCE_JDBC_URL").toString();
            assertTrue(url.contains("sslmode=verify-full"), url);
            assertTrue(url.contains("sslrootcert=" + Database.CA_BUNDLE), url);
            assertFalse(url.contains("sslmode=require"), url);
            List<?> layers = (List<?>) function.get("Layers");
            assertTrue(layers != null && layers.toString().contains("RdsCaBundle"), spec.name() + " layers " + layers);
        }
    }

    @Test
    void theBundleShipsTheRdsAndRdsProxyRootCertificates() throws Exception {
        // The layer's folder becomes /opt in the function: opt/rds-ca/... here is Database.CA_BUNDLE there.
        Path bundle = Path.of(Database.CA_LAYER_DIR).resolve(Database.CA_BUNDLE.substring("/opt/".length()));
        String pem = Files.readString(bundle);
        var certificates = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes()));
        List<String> subjects = certificates.stream()
                .map(c -> ((java.security.cert.X509Certificate) c)
                        .getSubjectX500Principal()
                        .getName())
                .toList();
        assertTrue(
                subjects.stream().anyMatch(s -> s.contains("Amazon RDS us-east-1 Root CA RSA2048 G1")),
                subjects.toString());
        assertTrue(subjects.stream().anyMatch(s -> s.contains("Amazon Root CA 1")), subjects.toString());
    }

    private static Map<?, ?> environment(Map<String, Object> function) {
        return (Map<?, ?>) ((Map<?, ?>) function.get("Environment")).get("Variables");
    }

    private static String secretAttachment(Template template) {
        return TemplateQueries.resources(template, "AWS::SecretsManager::SecretTargetAttachment")
                .keySet()
                .iterator()
                .next();
    }

    private static String appSecret(Template template) {
        return TemplateQueries.resources(template, "AWS::SecretsManager::Secret").keySet().stream()
                .filter(id -> id.startsWith("DatabaseAppRoleSecret"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no application role secret"));
    }
}
