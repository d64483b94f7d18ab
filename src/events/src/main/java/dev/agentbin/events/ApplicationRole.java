package dev.agentbin.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The role every function but the migration connects as (infra/README.md, "Database access"): it may read
 * and write the rows of the schema's tables and use its sequences, nothing else. It owns nothing, so it
 * can change no table, and Flyway's history is out of its reach. The migration, connected as the master
 * user, creates it and grants it again after every run, so tables added by the run are covered. Everything
 * here may run any number of times. Its name and password come from the deployment's application role
 * secret; without them (local runs) the migration's own user is the only user.
 */
@ApplicationScoped
public class ApplicationRole {

    private final AgroalDataSource dataSource;
    private final Flyway flyway;
    private final Optional<String> username;
    private final Optional<String> password;

    public ApplicationRole(
            AgroalDataSource dataSource,
            Flyway flyway,
            @ConfigProperty(name = "agentbin.app-role.username") Optional<String> username,
            @ConfigProperty(name = "agentbin.app-role.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.username = username;
        this.password = password;
    }

    /** @return the role granted, or empty when the deployment names none */
    Optional<String> grant() {
        if (username.isEmpty()) {
            return Optional.empty();
        }
        String role = username.get();
        String secret = password.orElseThrow(() -> new IllegalStateException("the application role has no password"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                createOrReset(connection, sql, role, secret);
                String schema = quoted(connection, scalar(sql, "select current_schema()"));
                String grantee = quoted(connection, role);
                sql.execute("grant connect on database " + quoted(connection, scalar(sql, "select current_database()"))
                        + " to " + grantee);
                sql.execute("grant usage on schema " + schema + " to " + grantee);
                sql.execute("revoke create on schema " + schema + " from " + grantee);
                sql.execute(
                        "grant select, insert, update, delete on all tables in schema " + schema + " to " + grantee);
                sql.execute("grant usage, select on all sequences in schema " + schema + " to " + grantee);
                sql.execute("revoke all on table " + schema + "."
                        + quoted(connection, flyway.getConfiguration().getTable()) + " from " + grantee);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the application role " + role + ": " + e.getMessage(), e);
        }
        return Optional.of(role);
    }

    /**
     * The password is set on every run, so a new value in the secret takes effect at the next migration. A
     * role that exists with more power than DML (made by hand, say) is refused rather than used.
     */
    private static void createOrReset(Connection connection, Statement sql, String role, String secret)
            throws SQLException {
        Boolean powerful;
        try (PreparedStatement find = connection.prepareStatement(
                "select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = ?")) {
            find.setString(1, role);
            try (ResultSet rows = find.executeQuery()) {
                powerful = rows.next() ? rows.getBoolean(1) : null;
            }
        }
        if (Boolean.TRUE.equals(powerful)) {
            throw new IllegalStateException(
                    "the role " + role + " exists with more than DML rights; drop or reduce it");
        }
        // DDL takes no parameters: format() quotes the name (%I) and the password (%L) inside PostgreSQL.
        String template =
                powerful == null ? "create role %I with login password %L" : "alter role %I with login password %L";
        try (PreparedStatement format = connection.prepareStatement("select format(?, ?, ?)")) {
            format.setString(1, template);
            format.setString(2, role);
            format.setString(3, secret);
            try (ResultSet rows = format.executeQuery()) {
                rows.next();
                sql.execute(rows.getString(1));
            }
        }
    }

    private static String quoted(Connection connection, String identifier) throws SQLException {
        try (PreparedStatement quote = connection.prepareStatement("select quote_ident(?)")) {
            quote.setString(1, identifier);
            try (ResultSet rows = quote.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static String scalar(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
