package dev.computeplan.jobs;

/**
 * A solve job as stored; {@code problem} and {@code solution} are JSON text and may be left unloaded (null).
 * {@code tenant} is null for jobs submitted while the service ran open.
 */
public record JobRecord(
        String id,
        String kind,
        JobStatus status,
        String problem,
        long timeLimitMs,
        String solverName,
        String solution,
        String score,
        int bestCount,
        String error,
        long createdAt,
        Long startedAt,
        Long finishedAt,
        long updatedAt,
        long solvedMs,
        int attempts,
        String owner,
        boolean stopRequested,
        String tenant) {

    /** A new job of no tenant (the service runs open). */
    public static JobRecord queued(
            String id, String kind, String problem, long timeLimitMs, String solverName, long now) {
        return queued(id, kind, problem, timeLimitMs, solverName, now, null);
    }

    /** A new job waiting for a worker: no solution, no owner, no attempt yet. */
    public static JobRecord queued(
            String id, String kind, String problem, long timeLimitMs, String solverName, long now, String tenant) {
        return new JobRecord(
                id,
                kind,
                JobStatus.QUEUED,
                problem,
                timeLimitMs,
                solverName,
                null,
                null,
                0,
                null,
                now,
                null,
                null,
                now,
                0,
                0,
                null,
                false,
                tenant);
    }
}
