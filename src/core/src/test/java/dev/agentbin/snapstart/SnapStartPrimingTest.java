package dev.agentbin.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hooks as Lambda's runtime calls them, on a pool like the functions' (two connections, none kept at
 * minimum), against the test database: the snapshot holds no connection, a restore leaves one open in the
 * pool for the first request, and a database that refuses or does not answer never fails the restore.
 */
class SnapStartPrimingTest {

    private static final String URL = Objects.requireNonNullElse(
            System.getenv("AGENTBIN_TEST_DB_URL"), "jdbc:postgresql://127.0.0.1:5432/agentbin_test");

    @Test
    void restoreLeavesOneOpenConnectionForTheFirstRequest() throws Exception {
        String application = "snapstart-test-" + UUID.randomUUID();
        try (AgroalDataSource pool = pool(URL + "?ApplicationName=" + application)) {
            SnapStartPriming priming = new SnapStartPriming("the test", () -> useAConnection(pool), pool);

            priming.beforeCheckpoint(null);
            assertEquals(
                    0, pool.getMetrics().availableCount() + pool.getMetrics().activeCount());
            assertEquals(0, backends(application));

            priming.afterRestore(null);
            assertEquals(1, pool.getMetrics().availableCount());
            assertEquals(0, pool.getMetrics().activeCount());
            assertEquals(1, backends(application));

            long opened = pool.getMetrics().creationCount();
            try (Connection firstRequest = pool.getConnection()) {
                assertTrue(firstRequest.isValid(1));
            }
            assertEquals(opened, pool.getMetrics().creationCount(), "the first request opened a connection");
        }
    }

    @Test
    void aRefusingDatabaseDoesNotFailTheRestore() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (AgroalDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + closedPort + "/agentbin")) {
            new SnapStartPriming("the test", () -> {}, pool).afterRestore(null);
            assertEquals(0, pool.getMetrics().availableCount());
        }
    }

    /** A paused Aurora accepts the connection and answers once resumed, after Lambda's 10 s restore limit. */
    @Test
    void aDatabaseThatDoesNotAnswerDelaysTheRestoreOnlyForTheBoundedWait() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                AgroalDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/agentbin")) {
            long started = System.nanoTime();
            new SnapStartPriming("the test", () -> {}, pool).afterRestore(null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(
                    took.compareTo(SnapStartPriming.RESTORE_WAIT.plusSeconds(1)) < 0,
                    "the restore waited " + took.toMillis() + " ms");
            assertEquals(0, pool.getMetrics().availableCount());
        }
    }

    /** What a module's priming does to the pool: runs its requests, which open a connection. */
    private static void useAConnection(AgroalDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            assertTrue(connection.isValid(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AgroalDataSource pool(String url) throws SQLException {
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool.maxSize(2)
                        .minSize(0)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url)
                                .principal(new NamePrincipal("agentbin"))
                                .credential(new SimplePassword("agentbin")))));
    }

    private static int backends(String application) throws SQLException {
        try (Connection own = DriverManager.getConnection(URL, "agentbin", "agentbin");
                PreparedStatement count =
                        own.prepareStatement("select count(*) from pg_stat_activity where application_name = ?")) {
            count.setString(1, application);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
