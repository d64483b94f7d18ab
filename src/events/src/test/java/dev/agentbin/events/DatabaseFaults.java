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
 * the test locks the agent's row, dispatch queues behind the lock, and its backend is terminated. Or
 * makes one step of a dispatch fail, for the test's own agent only.
 */
final class DatabaseFaults implements AutoCloseable {

    private final Connection holder;
    private String trigger;

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

    /**
     * Until {@link #close}, claiming a leg of this agent's agentcalls for origination fails, as a dispatcher
     * dying right after storing the agentcall would: the agentcall stays, its legs stay pending.
     */
    void failOriginationClaimsOf(UUID agentId) throws SQLException {
        trigger = "test_no_claim_" + agentId.toString().replace("-", "");
        try (var ddl = holder.createStatement()) {
            ddl.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                    + "if old.status = 'pending' and new.status = 'originating' and exists (select 1 from agent_calls c "
                    + "where c.id = new.agent_call_id and c.agent_id = '" + agentId + "') then "
                    + "raise exception 'test: the dispatcher dies before originating'; end if; return new; end $$");
            ddl.execute("create trigger " + trigger + " before update on agent_call_legs for each row execute function " + trigger + "()");
        }
        holder.commit();
    }

    @Override
    public void close() throws SQLException {
        holder.rollback();
        if (trigger != null) {
            try (var ddl = holder.createStatement()) {
                ddl.execute("drop trigger " + trigger + " on agent_call_legs");
                ddl.execute("drop function " + trigger + "()");
            }
            holder.commit();
        }
        holder.close();
    }
}
