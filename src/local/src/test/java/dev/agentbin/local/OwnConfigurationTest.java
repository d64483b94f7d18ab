package dev.agentbin.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quarkus reads every application.properties on the classpath: the api and events jars must not bring
 * theirs (Lambda settings such as a two-connection pool, their own test ports), or the local app's
 * settings would depend on which file wins.
 */
@QuarkusTest
class OwnConfigurationTest {

    @Test
    void theLocalAppReadsOnlyItsOwnApplicationProperties() throws IOException {
        List<URL> files =
                Collections.list(Thread.currentThread().getContextClassLoader().getResources("application.properties"));
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).toString().contains("src/local/"), files.toString());
    }
}
