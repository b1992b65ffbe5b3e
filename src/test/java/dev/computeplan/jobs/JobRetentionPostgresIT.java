package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** On PostgreSQL one replica sweeps at a time: while another session holds the advisory lock, a sweep skips. */
@EnabledIfEnvironmentVariable(
        named = PostgresTestDatabase.URL_VARIABLE,
        matches = ".+",
        disabledReason = "PostgreSQL not tested: COMPUTEPLAN_TEST_PG_URL is not set")
class JobRetentionPostgresIT {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aSweepSkipsWhileAnotherReplicaHoldsTheLock() throws Exception {
        String url = PostgresTestDatabase.freshSchemaUrl();
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long finished = NOW.minus(Duration.ofDays(2)).toEpochMilli();
        jdbc.update(
                "INSERT INTO solve_job (id, kind, status, problem, time_limit_ms, solver_name, created_at, updated_at, "
                        + "finished_at, tenant) VALUES ('old', 'countdown', 'COMPLETED', '{}', 1, 't', ?, ?, ?, 'a')",
                finished,
                finished,
                finished);
        JobRetention retention = new JobRetention(
                dataSource,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RetentionProperties(Duration.ofDays(1), 0, Duration.ZERO));

        try (Connection other =
                DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, JobRetention.LOCK_KEY);
                lock.execute();
            }
            assertThat(retention.sweep()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM solve_job", Long.class))
                    .isEqualTo(1);
            other.commit();
        }
        assertThat(retention.sweep()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM solve_job", Long.class))
                .isZero();
    }
}
