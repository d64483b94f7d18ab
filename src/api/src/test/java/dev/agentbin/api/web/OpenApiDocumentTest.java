package dev.agentbin.api.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * openapi/openapi.yaml is the document the code generates, committed so that a change to the API shows in
 * review. After changing a route, body or answer, regenerate it:
 * {@code ./mvnw -B verify -pl src/api -am -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COMMITTED = Path.of("../../openapi/openapi.yaml");

    @Test
    void theCommittedDocumentIsTheOneTheCodeGenerates() throws IOException {
        String generated = given().get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }
        assertEquals(
                Files.readString(COMMITTED),
                generated,
                "openapi/openapi.yaml differs from what the code generates: regenerate it (see this test's comment) and commit it");
    }
}
