package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Export of a finished job as one document, and its import as a finished job of the caller's tenant. An import is
 * trusted no more than a submit: the problem passes the same reading and validation, and the solution the kind's
 * independent checker, before anything is stored.
 */
public class JobArchives {

    private static final int SOLVER_NAME_MAX = 80;
    private static final int SCORE_MAX = 400;

    private final JobService jobs;
    private final JobStore store;
    private final KindRegistry kinds;
    private final ObjectMapper mapper;
    private final Clock clock;

    public JobArchives(JobService jobs, JobStore store, KindRegistry kinds, ObjectMapper mapper, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.kinds = kinds;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The archive of a finished job with a solution; 409 while it runs or when it ended without one. */
    public JobArchive export(String kindName, String id) {
        JobRecord job = jobs.record(kindName, id, JobStore.Load.ALL);
        if (!job.status().isFinal() || job.solution() == null) {
            throw new ConflictException("Job " + id + " is " + job.status()
                    + (job.status().isFinal() ? " without a solution" : "") + "; only a finished job with a "
                    + "solution can be exported.");
        }
        JsonNode problem = readJson(job.problem());
        if (problem instanceof ObjectNode object) {
            object.putObject("termination").put("seconds", (int) Math.max(1, job.timeLimitMs() / 1000));
        }
        return new JobArchive(
                JobArchive.FORMAT,
                job.kind(),
                job.status(),
                job.score(),
                job.solverName(),
                job.solvedMs() / 1000.0,
                job.id(),
                job.finishedAt() == null ? null : Instant.ofEpochMilli(job.finishedAt()),
                problem,
                readJson(job.solution()));
    }

    /** Stores the archive as a new finished job of the caller's tenant; 422 naming every field that is wrong. */
    public JobView importArchive(String kindName, JsonNode body) {
        return importAs(kinds.get(kindName), body);
    }

    private <P, S> JobView importAs(ProblemKind<P, S> kind, JsonNode body) {
        JobArchive archive = readArchive(body);
        List<Violation> wrong = new ArrayList<>();
        require(JobArchive.FORMAT.equals(archive.format()), wrong, "$.format", "must be " + JobArchive.FORMAT);
        require(kind.name().equals(archive.kind()), wrong, "$.kind", "must be '" + kind.name() + "', as in the URL");
        require(
                archive.status() == JobStatus.COMPLETED || archive.status() == JobStatus.STOPPED,
                wrong,
                "$.status",
                "must be COMPLETED or STOPPED");
        require(archive.problem() != null, wrong, "$.problem", "is required");
        require(archive.solution() != null && !archive.solution().isNull(), wrong, "$.solution", "is required");
        String solverName = archive.solverName() == null ? kind.solverName() : archive.solverName();
        require(solverName.length() <= SOLVER_NAME_MAX, wrong, "$.solverName", "is longer than " + SOLVER_NAME_MAX);
        if (!wrong.isEmpty()) {
            throw InvalidInputException.invalid(wrong);
        }
        ParsedRequest<P> request = readProblem(kind, archive.problem());
        S solution = readSolution(kind, archive.solution());
        ProblemKind.Checked checked = check(kind, request.problem(), solution);
        String score = checked.score() != null ? checked.score() : archive.score();
        if (score != null && score.length() > SCORE_MAX) {
            throw InvalidInputException.invalid(List.of(new Violation("$.score", "is longer than " + SCORE_MAX)));
        }
        long now = clock.millis();
        JobRecord job = new JobRecord(
                UUID.randomUUID().toString(),
                kind.name(),
                archive.status(),
                request.problemJson(),
                request.timeLimit().toMillis(),
                solverName,
                writeJson(solution),
                score,
                1,
                null,
                now,
                now,
                now,
                now,
                Math.max(0, Math.round(archive.solvingSeconds() * 1000)),
                0,
                null,
                false,
                jobs.caller().tenant());
        store.insertFinished(job);
        return JobView.of(job, null);
    }

    private JobArchive readArchive(JsonNode body) {
        if (!(body instanceof ObjectNode)) {
            throw InvalidInputException.unreadable(
                    "The body must be a job archive (a JSON object).",
                    List.of(new Violation("$", "expected an object")));
        }
        try {
            return mapper.treeToValue(body, JobArchive.class);
        } catch (Exception e) {
            throw InvalidInputException.unreadable(
                    "The body is not a job archive.",
                    List.of(new Violation("$", "not a job archive: " + firstLine(e))));
        }
    }

    /** The problem read as a submit reads it; the violations' paths are made to point into the archive. */
    private <P> ParsedRequest<P> readProblem(ProblemKind<P, ?> kind, JsonNode problem) {
        try {
            return jobs.reader().read(kind, problem);
        } catch (InvalidInputException e) {
            List<Violation> moved = e.violations().stream()
                    .map(v -> new Violation(
                            v.field() == null ? "$.problem" : v.field().replaceFirst("^\\$", "\\$.problem"),
                            v.message()))
                    .toList();
            throw new InvalidInputException(e.status(), "The archive's problem: " + e.getMessage(), moved);
        }
    }

    private <S> S readSolution(ProblemKind<?, S> kind, JsonNode solution) {
        try {
            return mapper.treeToValue(solution, kind.solutionType());
        } catch (Exception e) {
            throw InvalidInputException.invalid(
                    List.of(new Violation("$.solution", "is not a " + kind.name() + " solution: " + firstLine(e))));
        }
    }

    private static <P, S> ProblemKind.Checked check(ProblemKind<P, S> kind, P problem, S solution) {
        List<String> broken;
        ProblemKind.Checked checked;
        try {
            checked = kind.check(problem, solution);
            broken = checked.violations();
        } catch (RuntimeException e) {
            // a solution naming things its problem lacks can trip the checker itself: a mismatch all the same
            throw InvalidInputException.invalid(
                    List.of(new Violation("$.solution", "does not fit the problem: " + firstLine(e))));
        }
        if (!broken.isEmpty()) {
            throw InvalidInputException.invalid(broken.stream()
                    .limit(20)
                    .map(message -> new Violation("$.solution", message))
                    .toList());
        }
        return checked;
    }

    private static void require(boolean ok, List<Violation> wrong, String field, String message) {
        if (!ok) {
            wrong.add(new Violation(field, message));
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }

    private String writeJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException("Solution cannot be written as JSON", e);
        }
    }
}
