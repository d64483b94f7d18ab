package dev.agentbin.events;

import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The deploy migration creates the role every other function connects as: it reads and writes rows, and can
 * change neither the schema nor Flyway's history. Against the real PostgreSQL, as the migration's own user.
 */
@QuarkusTest
@TestProfile(HandlerProfiles.MigrateWithApplicationRole.class)
class ApplicationRoleTest {

    private static final String ROLE = HandlerProfiles.MigrateWithApplicationRole.ROLE;
    private static final String PASSWORD = HandlerProfiles.MigrateWithApplicationRole.PASSWORD;
    private static String url;
    private static String ownerUser;
    private static String ownerPassword;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theMigrationCreatesTheRoleAndRunningItAgainChangesNothing() throws SQLException {
        migrate();
        migrate();
        try (Connection app = connectAsApplication();
                Statement sql = app.createStatement()) {
            sql.executeQuery("select count(*) from agent_agents").close();
            Assertions.assertEquals(ROLE, scalar(sql, "select current_user"));
        }
    }

    @Test
    void theRoleMayReadAndWriteRowsButNotChangeTheSchemaOrTheMigrationHistory() throws SQLException {
        migrate();
        try (Connection app = connectAsApplication();
                Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.executeUpdate("delete from agent_agents where false");
            sql.executeUpdate("update agent_agents set tm_delete = tm_delete where false");
            app.rollback();
            assertRefused(app, "create table app_role_probe (id int)");
            assertRefused(app, "alter table agent_agents add column app_role_probe int");
            assertRefused(app, "drop table agent_agents");
            assertRefused(app, "truncate agent_agents");
            assertRefused(app, "select * from flyway_schema_history");
            assertRefused(app, "delete from flyway_schema_history");
        }
        try (Connection migration = dataSource.getConnection();
                Statement sql = migration.createStatement()) {
            Assertions.assertEquals(
                    "0", scalar(sql, "select count(*) from pg_tables where tableowner = '" + ROLE + "'"));
            Assertions.assertEquals(
                    "f",
                    scalar(
                            sql,
                            "select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = '" + ROLE
                                    + "'"));
        }
    }

    @AfterAll
    static void dropTheRole() throws SQLException {
        if (url == null) {
            return;
        }
        try (Connection migration = DriverManager.getConnection(url, ownerUser, ownerPassword);
                Statement sql = migration.createStatement()) {
            if (scalar(sql, "select count(*) from pg_roles where rolname = '" + ROLE + "'")
                    .equals("0")) {
                return;
            }
            String schema = scalar(sql, "select current_schema()");
            String database = scalar(sql, "select current_database()");
            sql.execute("revoke all on all tables in schema " + schema + " from " + ROLE);
            sql.execute("revoke all on all sequences in schema " + schema + " from " + ROLE);
            sql.execute("revoke all on schema " + schema + " from " + ROLE);
            sql.execute("revoke all on database " + database + " from " + ROLE);
            sql.execute("drop role if exists " + ROLE);
        }
    }

    private void migrate() {
        url = jdbcUrl;
        ownerUser = username;
        ownerPassword = password;
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/")
                .then()
                .statusCode(200)
                .body(containsString("application role " + ROLE));
    }

    private static Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(url, ROLE, PASSWORD);
    }

    private static void assertRefused(Connection app, String statement) throws SQLException {
        app.rollback();
        try (Statement sql = app.createStatement()) {
            SQLException refused = Assertions.assertThrows(SQLException.class, () -> sql.execute(statement), statement);
            // 42501 insufficient_privilege; 42501 is also what "must be owner of table" reports.
            Assertions.assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        app.rollback();
    }

    private static String scalar(Statement sql, String query) throws SQLException {
        try (var rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
