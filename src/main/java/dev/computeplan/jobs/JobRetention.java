package dev.computeplan.jobs;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes finished jobs past their retention: older than the maximum age, or beyond the newest {@code maxPerTenant}
 * of their tenant (jobs of no tenant count as one). On PostgreSQL a transaction-scoped advisory lock lets one
 * replica sweep at a time, the others skip; on the embedded database one process is all there is.
 */
public class JobRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRetention.class);
    /** Advisory lock key of the sweep: any constant that no other code of the database uses. */
    static final long LOCK_KEY = 0x636f6d70757465L;

    private static final String FINISHED = "status IN ('COMPLETED', 'STOPPED', 'FAILED')";
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RetentionProperties props;
    private final boolean postgres;
    /** Held while this process sweeps; package-private so a test can hold it. */
    final ReentrantLock local = new ReentrantLock();

    private ScheduledExecutorService timer;

    public JobRetention(DataSource dataSource, TransactionTemplate tx, Clock clock, RetentionProperties props) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = tx;
        this.clock = clock;
        this.props = props;
        this.postgres = isPostgres(dataSource);
    }

    /** One sweep; returns the jobs deleted, 0 too when another replica is sweeping. */
    public int sweep() {
        if (postgres) {
            Integer deleted = tx.execute(status -> Boolean.TRUE.equals(
                            jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY))
                    ? deleteExpired()
                    : 0);
            return deleted == null ? 0 : deleted;
        }
        if (!local.tryLock()) {
            return 0;
        }
        try {
            return deleteExpired();
        } finally {
            local.unlock();
        }
    }

    private int deleteExpired() {
        int deleted = 0;
        if (!props.maxAge().isZero()) {
            long cutoff = clock.millis() - props.maxAge().toMillis();
            deleted += jdbc.update("DELETE FROM solve_job WHERE " + FINISHED + " AND finished_at < ?", cutoff);
        }
        if (props.maxPerTenant() > 0) {
            List<String> tenants =
                    jdbc.queryForList("SELECT DISTINCT tenant FROM solve_job WHERE " + FINISHED, String.class);
            for (String tenant : tenants) {
                deleted += trim(tenant);
            }
        }
        return deleted;
    }

    private int trim(String tenant) {
        int deleted = 0;
        while (true) {
            List<String> surplus = jdbc.queryForList(
                    "SELECT id FROM solve_job WHERE " + FINISHED + " AND tenant IS NOT DISTINCT FROM ? "
                            + "ORDER BY finished_at DESC, id DESC LIMIT ? OFFSET ?",
                    String.class,
                    tenant,
                    BATCH,
                    props.maxPerTenant());
            if (surplus.isEmpty()) {
                return deleted;
            }
            for (String id : surplus) {
                deleted += jdbc.update("DELETE FROM solve_job WHERE id = ? AND " + FINISHED, id);
            }
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase().contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }

    @Override
    public void start() {
        if (props.interval().isZero() || props.interval().isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-retention");
            t.setDaemon(true);
            return t;
        });
        long every = props.interval().toMillis();
        timer.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepLogged() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                log.info("Retention deleted {} finished job(s)", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed; the next one tries again", e);
        }
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
