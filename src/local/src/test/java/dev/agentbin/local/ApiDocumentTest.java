package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentbin.local.support.Http;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The local run serves the api's OpenAPI document, the one committed in openapi/, and Swagger UI over it. */
@QuarkusTest
class ApiDocumentTest {

    @Test
    void theDocumentIsTheCommittedOne() throws Exception {
        HttpResponse<String> document = fetch("/q/openapi?format=yaml");
        assertEquals(200, document.statusCode());
        assertEquals(Files.readString(Path.of("../../openapi/openapi.yaml")), document.body());
    }

    @Test
    void swaggerUiIsServedFromTheAppItself() throws Exception {
        HttpResponse<String> page = fetch("/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui"), page.body());
        assertEquals(200, fetch("/q/swagger-ui/swagger-ui-bundle.js").statusCode());
    }

    private static HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(Http.base().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
