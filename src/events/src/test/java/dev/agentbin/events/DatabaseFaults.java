package dev.agentbin.events;

import dev.agentbin.testing.Await;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Kills the handler's database connection mid-event without stopping PostgreSQL (other runs share it):
 * the test locks the agent's row, dispatch queues behind the lock, and its backend is terminated.
 */
final class DatabaseFaults implements AutoCloseable {

    private final Connection holder;

    DatabaseFaults() throws SQLException {
        var config = ConfigProvider.getConfig();
        holder = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        holder.setAutoCommit(false);
    }

    void lockAgent(UUID agentId) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("select 1 from agent_agents where id = ? for update")) {
            lock.setObject(1, agentId);
            lock.execute();
        }
    }

    void terminateTheWaitingBackend() throws SQLException {
        Integer[] pid = new Integer[1];
        Await.until("dispatch waiting on the locked agent", () -> (pid[0] = waiting()) != null);
        try (PreparedStatement kill = holder.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid[0]);
            kill.execute();
        }
        holder.rollback();
    }

    private Integer waiting() {
        try (PreparedStatement find = holder.prepareStatement("select pid from pg_stat_activity where datname = current_database()"
                + " and wait_event_type = 'Lock' and pg_backend_pid() = any(pg_blocking_pids(pid))");
                ResultSet rows = find.executeQuery()) {
            return rows.next() ? rows.getInt(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        holder.rollback();
        holder.close();
    }
}
