package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention on the real schema (in-memory H2 migrated by Flyway) with a fixed clock. */
class JobRetentionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void schema() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void finishedJobsOlderThanTheMaximumAgeGoTheRestStays() {
        insert("old-done", "a", JobStatus.COMPLETED, NOW.toEpochMilli() - 31 * DAY);
        insert("old-failed", null, JobStatus.FAILED, NOW.toEpochMilli() - 40 * DAY);
        insert("young-done", "a", JobStatus.COMPLETED, NOW.toEpochMilli() - 29 * DAY);
        insert("old-queued", "a", JobStatus.QUEUED, null);
        insert("old-solving", "b", JobStatus.SOLVING, null);

        int deleted = retention(Duration.ofDays(30), 0).sweep();

        assertThat(deleted).isEqualTo(2);
        assertThat(ids()).containsExactlyInAnyOrder("young-done", "old-queued", "old-solving");
    }

    @Test
    void eachTenantKeepsItsNewestFinishedJobs() {
        long t = NOW.toEpochMilli() - DAY;
        for (int i = 0; i < 5; i++) {
            insert("a" + i, "a", JobStatus.COMPLETED, t + i);
        }
        insert("a-running", "a", JobStatus.SOLVING, null);
        insert("b0", "b", JobStatus.STOPPED, t);
        insert("b1", "b", JobStatus.COMPLETED, t + 1);
        for (int i = 0; i < 4; i++) {
            insert("open" + i, null, JobStatus.COMPLETED, t + i);
        }

        int deleted = retention(Duration.ZERO, 2).sweep();

        // a: 5 finished, keep a3 and a4; b: 2, keep both; no tenant: 4, keep open2 and open3
        assertThat(deleted).isEqualTo(5);
        assertThat(ids()).containsExactlyInAnyOrder("a3", "a4", "a-running", "b0", "b1", "open2", "open3");
    }

    @Test
    void aSweepWhileAnotherRunsOnThisProcessSkips() throws Exception {
        insert("old", "a", JobStatus.COMPLETED, NOW.toEpochMilli() - 31 * DAY);
        JobRetention retention = retention(Duration.ofDays(30), 0);
        Thread holder = new Thread(retention.local::lock);
        holder.start();
        holder.join();
        assertThat(retention.sweep()).isZero();
        assertThat(ids()).contains("old");
    }

    private JobRetention retention(Duration maxAge, int maxPerTenant) {
        return new JobRetention(
                dataSource,
                tx,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RetentionProperties(maxAge, maxPerTenant, Duration.ZERO));
    }

    private void insert(String id, String tenant, JobStatus status, Long finishedAt) {
        long created = finishedAt == null ? NOW.toEpochMilli() - 50 * DAY : finishedAt - 1000;
        jdbc.update(
                "INSERT INTO solve_job (id, kind, status, problem, time_limit_ms, solver_name, created_at, updated_at, "
                        + "finished_at, tenant) VALUES (?, 'countdown', ?, '{}', 1000, 'test', ?, ?, ?, ?)",
                id,
                status.name(),
                created,
                created,
                finishedAt,
                tenant);
    }

    private List<String> ids() {
        return jdbc.queryForList("SELECT id FROM solve_job", String.class);
    }
}
