package dev.computeplan.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A job as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        String id,
        String kind,
        JobStatus status,
        String score,
        String solverName,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        String error,
        Links links) {

    /** How far the solve is: best solutions found so far, seconds solved, and the time limit. */
    public record Progress(int bestSolutions, double solvingSeconds, double timeLimitSeconds, int attempts) {}

    public record Links(String self, String solution, String explanation, String events) {}

    static JobView of(JobRecord r, Double liveSolvingSeconds) {
        String self = "/api/v1/" + r.kind() + "/jobs/" + r.id();
        double solving = liveSolvingSeconds != null ? liveSolvingSeconds : r.solvedMs() / 1000.0;
        return new JobView(
                r.id(),
                r.kind(),
                r.status(),
                r.score(),
                r.solverName(),
                Instant.ofEpochMilli(r.createdAt()),
                r.startedAt() == null ? null : Instant.ofEpochMilli(r.startedAt()),
                r.finishedAt() == null ? null : Instant.ofEpochMilli(r.finishedAt()),
                new Progress(r.bestCount(), Math.round(solving * 10) / 10.0, r.timeLimitMs() / 1000.0, r.attempts()),
                r.error(),
                new Links(self, self + "/solution", self + "/explanation", self + "/events"));
    }
}
