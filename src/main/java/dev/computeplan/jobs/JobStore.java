package dev.computeplan.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs table. Written so that several replicas can share one database: a replica claims a queued job
 * with {@code FOR UPDATE SKIP LOCKED} plus a compare-and-set on the status, and holds it by a renewable lease.
 */
public class JobStore {

    private static final String SUMMARY_COLUMNS =
            "id, kind, status, NULL AS problem, time_limit_ms, solver_name, NULL AS solution, "
                    + "score, best_count, error, created_at, started_at, finished_at, updated_at, solved_ms, attempts, owner, stop_requested, tenant";
    private static final String SOLUTION_COLUMNS =
            "id, kind, status, NULL AS problem, time_limit_ms, solver_name, solution, "
                    + "score, best_count, error, created_at, started_at, finished_at, updated_at, solved_ms, attempts, owner, stop_requested, tenant";
    private static final String ALL_COLUMNS = "id, kind, status, problem, time_limit_ms, solver_name, solution, "
            + "score, best_count, error, created_at, started_at, finished_at, updated_at, solved_ms, attempts, owner, stop_requested, tenant";

    private static final RowMapper<JobRecord> ROW = JobStore::map;
    /** Ids per {@code IN} list: well below the bind-parameter limits of both databases. */
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JobStore(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = tx;
    }

    public void insert(JobRecord job) {
        jdbc.update(
                "INSERT INTO solve_job (id, kind, status, problem, time_limit_ms, solver_name, created_at, updated_at, "
                        + "tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(),
                job.kind(),
                job.status().name(),
                job.problem(),
                job.timeLimitMs(),
                job.solverName(),
                job.createdAt(),
                job.updatedAt(),
                job.tenant());
    }

    /** A job finished elsewhere (an imported archive): its problem, solution and final state in one row. */
    public void insertFinished(JobRecord job) {
        jdbc.update(
                "INSERT INTO solve_job (id, kind, status, problem, time_limit_ms, solver_name, solution, score, "
                        + "best_count, created_at, started_at, finished_at, updated_at, solved_ms, tenant) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(),
                job.kind(),
                job.status().name(),
                job.problem(),
                job.timeLimitMs(),
                job.solverName(),
                job.solution(),
                job.score(),
                job.bestCount(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.updatedAt(),
                job.solvedMs(),
                job.tenant());
    }

    /** How much of a job to load: the problem can be megabytes, so only what the caller reads. */
    public enum Load {
        SUMMARY,
        SOLUTION,
        ALL
    }

    public Optional<JobRecord> find(String kind, String id, Load load) {
        String columns = switch (load) {
            case SUMMARY -> SUMMARY_COLUMNS;
            case SOLUTION -> SOLUTION_COLUMNS;
            case ALL -> ALL_COLUMNS;
        };
        List<JobRecord> rows =
                jdbc.query("SELECT " + columns + " FROM solve_job WHERE id = ? AND kind = ?", ROW, id, kind);
        return rows.stream().findFirst();
    }

    /**
     * The summaries of several jobs by id in one query per {@code IN_CHUNK} ids (what the event streams of a replica
     * poll together); a missing id is absent from the map.
     */
    public Map<String, JobRecord> findSummaries(java.util.Collection<String> ids) {
        Map<String, JobRecord> out = new java.util.HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query(
                            "SELECT " + SUMMARY_COLUMNS + " FROM solve_job WHERE id IN (" + marks + ")",
                            ROW,
                            chunk.toArray())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    public Optional<JobRecord> findById(String id) {
        return jdbc.query("SELECT " + ALL_COLUMNS + " FROM solve_job WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    public List<JobRecord> list(String kind, int offset, int limit) {
        return jdbc.query(
                "SELECT " + SUMMARY_COLUMNS + " FROM solve_job WHERE kind = ? ORDER BY created_at DESC, id DESC "
                        + "LIMIT ? OFFSET ?",
                ROW,
                kind,
                limit,
                offset);
    }

    /** One tenant's jobs of a kind, newest first. */
    public List<JobRecord> list(String kind, String tenant, int offset, int limit) {
        return jdbc.query(
                "SELECT " + SUMMARY_COLUMNS + " FROM solve_job WHERE kind = ? AND tenant = ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                ROW,
                kind,
                tenant,
                limit,
                offset);
    }

    public long count(String kind) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM solve_job WHERE kind = ?", Long.class, kind);
        return n == null ? 0 : n;
    }

    public long count(String kind, String tenant) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM solve_job WHERE kind = ? AND tenant = ?", Long.class, kind, tenant);
        return n == null ? 0 : n;
    }

    /** Queued and solving jobs of one tenant, all kinds together: what its quota counts. */
    public long countActive(String tenant) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM solve_job WHERE tenant = ? AND status IN ('QUEUED', 'SOLVING')",
                Long.class,
                tenant);
        return n == null ? 0 : n;
    }

    /** Removes a finished job; false when it is gone already or not finished (a stop is still under way). */
    public boolean deleteFinished(String id) {
        return jdbc.update("DELETE FROM solve_job WHERE id = ? AND status IN ('COMPLETED', 'STOPPED', 'FAILED')", id)
                == 1;
    }

    public long countQueued() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM solve_job WHERE status = 'QUEUED'", Long.class);
        return n == null ? 0 : n;
    }

    public Map<JobStatus, Long> countByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) FROM solve_job GROUP BY status", rs -> {
            counts.put(JobStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /** Claims the oldest queued job for {@code owner}, or returns empty when none is left. */
    public Optional<JobRecord> claimNext(String owner, long now, long leaseUntil) {
        return tx.execute(status -> {
            List<String> ids = jdbc.queryForList(
                    "SELECT id FROM solve_job WHERE status = 'QUEUED' "
                            + "ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                    String.class);
            for (String id : ids) {
                int updated = jdbc.update(
                        "UPDATE solve_job SET status = 'SOLVING', owner = ?, lease_until = ?, "
                                + "started_at = COALESCE(started_at, ?), attempts = attempts + 1, updated_at = ? "
                                + "WHERE id = ? AND status = 'QUEUED'",
                        owner,
                        leaseUntil,
                        now,
                        now,
                        id);
                if (updated == 1) {
                    return findById(id);
                }
            }
            return Optional.<JobRecord>empty();
        });
    }

    /** Renews the lease; false when this replica no longer owns the job. */
    public boolean renewLease(String id, String owner, long leaseUntil, long solvedMs, long now) {
        return jdbc.update(
                        "UPDATE solve_job SET lease_until = ?, solved_ms = ?, updated_at = ? "
                                + "WHERE id = ? AND owner = ? AND status = 'SOLVING'",
                        leaseUntil,
                        solvedMs,
                        now,
                        id,
                        owner)
                == 1;
    }

    public boolean isStopRequested(String id) {
        Boolean stop = jdbc.queryForObject("SELECT stop_requested FROM solve_job WHERE id = ?", Boolean.class, id);
        return Boolean.TRUE.equals(stop);
    }

    public void saveBest(String id, String owner, String solution, String score, int bestCount, long now) {
        jdbc.update(
                "UPDATE solve_job SET solution = ?, score = ?, best_count = ?, updated_at = ? WHERE id = ? AND owner = ?",
                solution,
                score,
                bestCount,
                now,
                id,
                owner);
    }

    public void finish(String id, String owner, JobStatus status, String error, long solvedMs, long now) {
        jdbc.update(
                "UPDATE solve_job SET status = ?, error = ?, solved_ms = ?, finished_at = ?, updated_at = ?, "
                        + "owner = NULL, lease_until = NULL WHERE id = ? AND owner = ?",
                status.name(),
                error,
                solvedMs,
                now,
                now,
                id,
                owner);
    }

    /** Gives a job back to the queue (service shutting down); its best solution stays for the warm start. */
    public void release(String id, String owner, long solvedMs, long now) {
        jdbc.update(
                "UPDATE solve_job SET status = 'QUEUED', owner = NULL, lease_until = NULL, solved_ms = ?, updated_at = ? "
                        + "WHERE id = ? AND owner = ? AND status = 'SOLVING'",
                solvedMs,
                now,
                id,
                owner);
    }

    /** A queued job stops at once; returns true if it was still queued. */
    public boolean stopQueued(String id, long now) {
        return jdbc.update(
                        "UPDATE solve_job SET status = 'STOPPED', stop_requested = TRUE, finished_at = ?, updated_at = ? "
                                + "WHERE id = ? AND status = 'QUEUED'",
                        now,
                        now,
                        id)
                == 1;
    }

    public void requestStop(String id, long now) {
        jdbc.update(
                "UPDATE solve_job SET stop_requested = TRUE, updated_at = ? WHERE id = ? AND status = 'SOLVING'",
                now,
                id);
    }

    /** Re-queues solving jobs whose owner stopped renewing its lease (or every solving job, when {@code all}). */
    public int requeueExpired(long now, boolean all) {
        if (all) {
            return jdbc.update(
                    "UPDATE solve_job SET status = 'QUEUED', owner = NULL, lease_until = NULL, updated_at = ? "
                            + "WHERE status = 'SOLVING'",
                    now);
        }
        return jdbc.update(
                "UPDATE solve_job SET status = 'QUEUED', owner = NULL, lease_until = NULL, updated_at = ? "
                        + "WHERE status = 'SOLVING' AND lease_until < ?",
                now,
                now);
    }

    private static JobRecord map(ResultSet rs, int row) throws SQLException {
        return new JobRecord(
                rs.getString("id"),
                rs.getString("kind"),
                JobStatus.valueOf(rs.getString("status")),
                rs.getString("problem"),
                rs.getLong("time_limit_ms"),
                rs.getString("solver_name"),
                rs.getString("solution"),
                rs.getString("score"),
                rs.getInt("best_count"),
                rs.getString("error"),
                rs.getLong("created_at"),
                nullableLong(rs, "started_at"),
                nullableLong(rs, "finished_at"),
                rs.getLong("updated_at"),
                rs.getLong("solved_ms"),
                rs.getInt("attempts"),
                rs.getString("owner"),
                rs.getBoolean("stop_requested"),
                rs.getString("tenant"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
