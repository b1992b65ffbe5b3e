package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.ConflictException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.common.QueueFullException;
import dev.computeplan.common.Violation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Submit, look up, stop and explain jobs of any kind. The controllers and the CLI are thin layers over this. */
public class JobService {

    private final JobStore store;
    private final JobRunner runner;
    private final KindRegistry kinds;
    private final ProblemReader reader;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final JobProperties props;
    private final CallerScope scope;

    public JobService(
            JobStore store,
            JobRunner runner,
            KindRegistry kinds,
            ProblemReader reader,
            ObjectMapper mapper,
            Clock clock,
            JobProperties props) {
        this(store, runner, kinds, reader, mapper, clock, props, JobScope::open);
    }

    public JobService(
            JobStore store,
            JobRunner runner,
            KindRegistry kinds,
            ProblemReader reader,
            ObjectMapper mapper,
            Clock clock,
            JobProperties props,
            CallerScope scope) {
        this.scope = scope;
        this.store = store;
        this.runner = runner;
        this.kinds = kinds;
        this.reader = reader;
        this.mapper = mapper;
        this.clock = clock;
        this.props = props;
    }

    public JobView submit(String kindName, JsonNode body) {
        ProblemKind<?, ?> kind = kinds.get(kindName);
        ParsedRequest<?> request = reader.read(kind, body);
        JobScope caller = scope.current();
        checkQuota(caller);
        if (store.countQueued() >= props.queueCapacity()) {
            long retry = Math.max(1, Math.min(300, props.defaultTimeLimit().toSeconds()));
            throw new QueueFullException(
                    "The queue holds " + props.queueCapacity() + " jobs already; try again later.", retry);
        }
        long now = clock.millis();
        JobRecord job = JobRecord.queued(
                UUID.randomUUID().toString(),
                kind.name(),
                request.problemJson(),
                request.timeLimit().toMillis(),
                kind.solverName(),
                now,
                caller.tenant());
        store.insert(job);
        runner.nudge();
        return JobView.of(job, null);
    }

    // counted before the insert, so replicas racing may overshoot by a job each: a quota, not a hard bound
    private void checkQuota(JobScope caller) {
        if (caller.maxActiveJobs() > 0 && caller.tenant() != null) {
            long active = store.countActive(caller.tenant());
            if (active >= caller.maxActiveJobs()) {
                long retry = Math.max(1, Math.min(300, props.defaultTimeLimit().toSeconds()));
                throw new QueueFullException(
                        "Tenant '" + caller.tenant() + "' has " + active + " queued or solving jobs, its limit; "
                                + "try again when one has finished.",
                        retry);
            }
        }
    }

    public ProblemReader reader() {
        return reader;
    }

    /** Who calls: the tenant new jobs belong to. */
    JobScope caller() {
        return scope.current();
    }

    public List<Violation> validate(String kindName, JsonNode body) {
        return reader.problemsOf(kinds.get(kindName), body);
    }

    public JobPage list(String kindName, int page, int size) {
        kinds.get(kindName);
        JobScope caller = scope.current();
        Map<String, Double> live = runner.liveSolvingSeconds();
        List<JobRecord> rows = caller.allTenants()
                ? store.list(kindName, page * size, size)
                : store.list(kindName, caller.tenant(), page * size, size);
        List<JobView> items =
                rows.stream().map(r -> JobView.of(r, live.get(r.id()))).toList();
        long total = caller.allTenants() ? store.count(kindName) : store.count(kindName, caller.tenant());
        return new JobPage(items, page, size, total);
    }

    public JobView get(String kindName, String id) {
        // live time first: a job that finishes in between has its final time in the record read after it
        Double live = runner.liveSolvingSeconds(id).orElse(null);
        return JobView.of(record(kindName, id, JobStore.Load.SUMMARY), live);
    }

    /**
     * Stops a queued or solving job (it keeps its best solution) and returns it; removes a finished one and returns
     * empty, after which the id answers 404.
     */
    public Optional<JobView> stopOrDelete(String kindName, String id) {
        JobRecord job = record(kindName, id, JobStore.Load.SUMMARY);
        if (job.status().isFinal() && store.deleteFinished(id)) {
            return Optional.empty();
        }
        return Optional.of(stop(kindName, id));
    }

    public JobView stop(String kindName, String id) {
        JobRecord job = record(kindName, id, JobStore.Load.SUMMARY);
        if (job.status() == JobStatus.QUEUED && store.stopQueued(id, clock.millis())) {
            return get(kindName, id);
        }
        if (job.status() == JobStatus.SOLVING || job.status() == JobStatus.QUEUED) {
            store.requestStop(id, clock.millis());
            runner.stopLocal(id);
        }
        return get(kindName, id);
    }

    /** The best solution so far (while solving) or the final one. */
    public Object solution(String kindName, String id) {
        JobRecord job = record(kindName, id, JobStore.Load.SOLUTION);
        if (job.solution() == null) {
            throw new ConflictException("Job " + id + " has no solution yet (status " + job.status() + ").");
        }
        return readJson(job.solution());
    }

    public Object explanation(String kindName, String id) {
        JobRecord job = record(kindName, id, JobStore.Load.ALL);
        if (job.solution() == null) {
            throw new ConflictException("Job " + id + " has no solution to explain yet (status " + job.status() + ").");
        }
        return explain(kinds.get(kindName), job);
    }

    /**
     * The problem as submitted, with the {@code termination} the job runs under (the one given, or the service's
     * default), so that a client can show or resubmit a job it did not submit itself.
     */
    public Object problem(String kindName, String id) {
        JobRecord job = record(kindName, id, JobStore.Load.ALL);
        JsonNode problem = readJson(job.problem());
        if (problem instanceof ObjectNode object) {
            object.putObject("termination").put("seconds", (int) Math.max(1, job.timeLimitMs() / 1000));
        }
        return problem;
    }

    /** The stored problem and solution of a job, typed; for kind-specific endpoints such as recommendations. */
    public <P, S> Stored<P, S> stored(ProblemKind<P, S> kind, String id) {
        return read(kind, record(kind.name(), id, JobStore.Load.ALL));
    }

    private <P, S> Stored<P, S> read(ProblemKind<P, S> kind, JobRecord job) {
        try {
            P problem = mapper.readValue(job.problem(), kind.problemType());
            S solution = job.solution() == null ? null : mapper.readValue(job.solution(), kind.solutionType());
            return new Stored<>(job, problem, solution);
        } catch (Exception e) {
            throw new IllegalStateException("Stored job " + job.id() + " cannot be read", e);
        }
    }

    public record Stored<P, S>(JobRecord job, P problem, S solution) {}

    JobRecord record(String kindName, String id, JobStore.Load load) {
        kinds.get(kindName);
        JobScope caller = scope.current();
        // another tenant's job answers exactly like a missing one, so ids tell nothing
        return store.find(kindName, id, load)
                .filter(caller::sees)
                .orElseThrow(() -> new NotFoundException("No " + kindName + " job with id '" + id + "'."));
    }

    private <P, S> Object explain(ProblemKind<P, S> kind, JobRecord job) {
        Stored<P, S> stored = read(kind, job);
        return kind.explain(stored.problem(), stored.solution());
    }

    private JsonNode readJson(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Stored JSON cannot be read", e);
        }
    }
}
