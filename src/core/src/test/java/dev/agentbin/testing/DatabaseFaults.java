package dev.agentbin.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Database faults made without stopping PostgreSQL (other test runs share the server), from a connection
 * of the test's own to the app's database:
 * <ul>
 * <li>the code under test loses its connection mid-work, the way a failover or a restart would: the test
 * holds a row lock in its own transaction ({@link #hold}), the work queues behind it, and its backend is
 * terminated while it waits ({@link #terminateTheWaitingBackend});</li>
 * <li>one step of a dispatch fails, for the test's own agent only ({@link #failOriginationClaimsOf}).</li>
 * </ul>
 */
public final class DatabaseFaults implements AutoCloseable {

    private final Connection holder;
    private String trigger;

    public DatabaseFaults() {
        try {
            var config = ConfigProvider.getConfig();
            holder = DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
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

    /** Waits until a backend queues behind the holder's lock, then terminates that backend. */
    public void terminateTheWaitingBackend() {
        Integer pid = Await.until("a backend waiting on the held lock", this::waitingBackend, found -> found != null);
        try (PreparedStatement kill = holder.prepareStatement("select pg_terminate_backend(?)")) {
            kill.setInt(1, pid);
            kill.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Integer waitingBackend() {
        try (PreparedStatement find =
                        holder.prepareStatement("select pid from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock' and pg_backend_pid() = any(pg_blocking_pids(pid))");
                ResultSet rows = find.executeQuery()) {
            return rows.next() ? rows.getInt(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the holder's transaction: what it held is free again. */
    public void release() {
        try {
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until {@link #close}, claiming a leg of this agent's agentcalls for origination fails, as a dispatcher
     * dying right after storing the agentcall would: the agentcall stays, its legs stay pending.
     */
    public void failOriginationClaimsOf(UUID agentId) {
        trigger = "test_no_claim_" + agentId.toString().replace("-", "");
        try (var ddl = holder.createStatement()) {
            ddl.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                    + "if old.status = 'pending' and new.status = 'originating' and exists (select 1 from agent_calls c "
                    + "where c.id = new.agent_call_id and c.agent_id = '" + agentId + "') then "
                    + "raise exception 'test: the dispatcher dies before originating'; end if; return new; end $$");
            ddl.execute("create trigger " + trigger + " before update on agent_call_legs for each row execute function "
                    + trigger + "()");
            holder.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            holder.rollback();
            if (trigger != null) {
                try (var ddl = holder.createStatement()) {
                    ddl.execute("drop trigger " + trigger + " on agent_call_legs");
                    ddl.execute("drop function " + trigger + "()");
                }
                holder.commit();
            }
            holder.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
