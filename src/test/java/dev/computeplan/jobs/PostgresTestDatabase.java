package dev.computeplan.jobs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for integration tests, from {@code COMPUTEPLAN_TEST_PG_URL} (plus {@code _USER}, {@code _PASSWORD}).
 * Each use gets a fresh schema. Under CI the variable must be set: the suite fails rather than skips.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "COMPUTEPLAN_TEST_PG_URL";

    private PostgresTestDatabase() {}

    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(
                        "CI is set but COMPUTEPLAN_TEST_PG_URL is not: .ci/run must start PostgreSQL");
            }
            Assumptions.abort("COMPUTEPLAN_TEST_PG_URL is not set; see README (Running the PostgreSQL tests)");
        }
        return url;
    }

    public static String user() {
        return System.getenv().getOrDefault("COMPUTEPLAN_TEST_PG_USER", "computeplan");
    }

    public static String password() {
        return System.getenv().getOrDefault("COMPUTEPLAN_TEST_PG_PASSWORD", "computeplan");
    }

    /** Creates a new empty schema and returns a JDBC URL that uses it. */
    public static String freshSchemaUrl() {
        String base = url();
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base, user(), password());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
