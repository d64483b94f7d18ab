package dev.agentbin.local;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfigProbeTest {
    @Test
    void probe() {
        System.out.println("PROBE twilio=" + ConfigProvider.getConfig().getOptionalValue("agentbin.telephony.twilio.account-sid", String.class)
            + " flyway=" + ConfigProvider.getConfig().getOptionalValue("quarkus.flyway.migrate-at-start", String.class));
        System.out.println("PROBE res=" + Thread.currentThread().getContextClassLoader().getResource("application.properties"));
        try { java.util.Collections.list(Thread.currentThread().getContextClassLoader().getResources("application.properties")).forEach(u -> System.out.println("PROBE url " + u)); } catch (Exception e) {}
    }
}
