package dev.agentbin.api.support;

import dev.agentbin.testing.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kills the service's database connection in the middle of a request, the way a failover or a restart
 * would, without stopping PostgreSQL (other test runs share the server). The test holds a row lock in its
 * own transaction, the request queues behind it, and the request's backend is terminated while it waits.
 */
public final class DatabaseFaults implements AutoCloseable {

    private final Connection holder;

    public DatabaseFaults() {
        try {
            var config = ConfigProvider.getConfig();
            holder = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class));
            holder.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement in the holder's open transaction: its locks stay until {@link #release}. */
    public void hold(String sql, Object... params) {
        try (PreparedStatement statement = holder.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a request's backend queues behind the holder's lock, then terminates that backend. */
    public void terminateTheWaitingBackend() {
        Integer pid = Await.until("a request waiting on the held lock", this::waitingBackend, found -> found != null);
        try (PreparedStatement kill = holder.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer waitingBackend() {
        try (PreparedStatement find = holder.prepareStatement("select pid from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and ? = any(pg_blocking_pids(pid))")) {
            find.setInt(1, holderPid());
            try (ResultSet rows = find.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int holderPid() throws SQLException {
        try (ResultSet row = holder.createStatement().executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    public void release() {
        try {
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            holder.rollback();
            holder.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
