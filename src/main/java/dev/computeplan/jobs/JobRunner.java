package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.common.SolveControl;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs queued jobs on a bounded pool of workers. Each running job holds a lease in the database that a
 * heartbeat renews; a job whose lease runs out (its replica died) goes back to the queue and resumes from
 * its best solution.
 */
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final long STATUS_COUNT_MILLIS = 10_000;
    /** Least time a solve gets, even when reading its problem used up the limit. */
    private static final Duration MIN_SOLVE = Duration.ofMillis(200);

    private final JobStore store;
    private final KindRegistry kinds;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final JobProperties props;
    private final String owner;
    private final Semaphore slots;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final JobMetrics metrics;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private volatile boolean active;
    private volatile boolean shuttingDown;

    public JobRunner(
            JobStore store,
            KindRegistry kinds,
            ObjectMapper mapper,
            Clock clock,
            JobProperties props,
            MeterRegistry meters) {
        this.store = store;
        this.kinds = kinds;
        this.mapper = mapper;
        this.clock = clock;
        this.props = props;
        this.owner = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.slots = new Semaphore(props.workerCount());
        this.metrics = new JobMetrics(meters);
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(props.workerCount(), r -> {
            Thread t = new Thread(r, "solve-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-dispatcher");
            t.setDaemon(true);
            return t;
        });
        int requeued = store.requeueExpired(now(), props.singleNode());
        if (requeued > 0) {
            log.info("Re-queued {} job(s) left solving by a previous run", requeued);
        }
        active = true;
        long poll = Math.max(50, props.pollInterval().toMillis());
        // The heartbeat also carries stops to running solves, so it beats at least every 2 s whatever the lease.
        long beat = Math.max(100, Math.min(2000, props.lease().toMillis() / 3));
        scheduler.scheduleWithFixedDelay(this::safeDispatch, 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refreshStatusCounts, 0, STATUS_COUNT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** This replica's name in the {@code owner} column of the jobs it solves. */
    public String owner() {
        return owner;
    }

    /** Wakes the dispatcher (after a submit or when a worker frees up). */
    public void nudge() {
        if (active) {
            scheduler.execute(this::safeDispatch);
        }
    }

    /** Stops a job solving on this replica; false if it is not here. */
    public boolean stopLocal(String id) {
        RunningJob r = running.get(id);
        if (r == null) {
            return false;
        }
        r.control().requestStop();
        return true;
    }

    /** Seconds spent solving a job that runs here, or empty. Read it before the job's record (see JobService#view). */
    public Optional<Double> liveSolvingSeconds(String id) {
        RunningJob r = running.get(id);
        return r == null ? Optional.empty() : Optional.of(r.solvedMs() / 1000.0);
    }

    /** Seconds spent solving of every job that runs here, by id: one snapshot for a page of jobs. */
    public Map<String, Double> liveSolvingSeconds() {
        Map<String, Double> out = new java.util.HashMap<>();
        running.forEach((id, r) -> out.put(id, r.solvedMs() / 1000.0));
        return out;
    }

    private void safeDispatch() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("Dispatch failed, will retry: {}", e.toString());
        }
    }

    private synchronized void dispatch() {
        while (active && !shuttingDown && slots.tryAcquire()) {
            long now = now();
            Optional<JobRecord> claimed =
                    store.claimNext(owner, now, now + props.lease().toMillis());
            if (claimed.isEmpty()) {
                slots.release();
                return;
            }
            JobRecord job = claimed.get();
            try {
                workers.execute(() -> runClaimed(job));
            } catch (RuntimeException e) {
                slots.release();
                store.release(job.id(), owner, job.solvedMs(), now());
                throw e;
            }
        }
    }

    private void runClaimed(JobRecord job) {
        try {
            ProblemKind<?, ?> kind = kinds.find(job.kind()).orElse(null);
            if (kind == null) {
                store.finish(
                        job.id(),
                        owner,
                        JobStatus.FAILED,
                        "This service has no problem kind '" + job.kind() + "'",
                        0,
                        now());
                return;
            }
            run(kind, job);
        } catch (RuntimeException e) {
            log.error("Job {} could not be run", job.id(), e);
        } finally {
            slots.release();
            nudge();
        }
    }

    private <P, S> void run(ProblemKind<P, S> kind, JobRecord job) {
        long startNanos = System.nanoTime();
        Duration remaining = Duration.ofMillis(Math.max(1000, job.timeLimitMs() - job.solvedMs()));
        SimpleSolveControl control = new SimpleSolveControl(remaining);
        RunningJob r = new RunningJob(job, control, startNanos, store, mapper, owner, props.bestSaveInterval(), clock);
        control.listener((solution, score) -> r.newBest(solution, score));
        running.put(job.id(), r);
        JobStatus outcome;
        String error = null;
        try {
            // A stop may have arrived between the claim and this point, when this replica did not know the job yet.
            if (job.stopRequested() || store.isStopRequested(job.id())) {
                control.requestStop();
            }
            P problem = mapper.readValue(job.problem(), kind.problemType());
            S warm = job.solution() == null ? null : mapper.readValue(job.solution(), kind.solutionType());
            ProblemKind.Solved<S> solved = kind.solve(problem, warm, lessTimeSpent(control, startNanos));
            if (solved != null && solved.solution() != null) {
                r.finalBest(solved.solution(), solved.score());
            }
            outcome = control.stopRequested() ? JobStatus.STOPPED : JobStatus.COMPLETED;
        } catch (Throwable e) {
            outcome = JobStatus.FAILED;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!shuttingDown) {
                log.error("Job {} failed", job.id(), e);
            }
        } finally {
            r.solveEnded();
        }
        // the job stays listed as running until its final state is written, so that a poll in between shows the
        // live (frozen) solving time rather than the older one the database holds
        try {
            r.flush(true);
            if (shuttingDown) {
                store.release(job.id(), owner, r.solvedMs(), now());
                return;
            }
            store.finish(job.id(), owner, outcome, error, r.solvedMs(), now());
        } finally {
            running.remove(job.id());
        }
        metrics.solved(job.kind(), outcome, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /**
     * The control the kind sees: the time limit less what claiming and reading the stored problem took, so that the
     * job as a whole keeps to its limit.
     */
    private static SolveControl lessTimeSpent(SimpleSolveControl control, long startNanos) {
        // whole milliseconds: Timefold refuses a time limit with a finer part
        Duration left = Duration.ofMillis(
                control.timeLimit().minusNanos(System.nanoTime() - startNanos).toMillis());
        Duration limit = left.compareTo(MIN_SOLVE) < 0 ? MIN_SOLVE : left;
        return new SolveControl() {
            @Override
            public Duration timeLimit() {
                return limit;
            }

            @Override
            public boolean stopRequested() {
                return control.stopRequested();
            }

            @Override
            public void onStop(Runnable action) {
                control.onStop(action);
            }

            @Override
            public void newBest(Object solution, String score) {
                control.newBest(solution, score);
            }
        };
    }

    private void heartbeat() {
        try {
            long now = now();
            for (RunningJob r : running.values()) {
                r.flush(false);
                boolean owned = store.renewLease(
                        r.job().id(), owner, now + props.lease().toMillis(), r.solvedMs(), now);
                if (!owned || store.isStopRequested(r.job().id())) {
                    r.control().requestStop();
                }
            }
            store.requeueExpired(now, false);
        } catch (RuntimeException e) {
            log.warn("Heartbeat failed: {}", e.toString());
        }
    }

    /** Refreshes the jobs-by-status gauges: a scan of the table, so not at the heartbeat's pace. */
    private void refreshStatusCounts() {
        try {
            metrics.statusCounts(store.countByStatus());
        } catch (RuntimeException e) {
            log.warn("Counting jobs by status failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        shuttingDown = true;
        active = false;
        running.values().forEach(r -> r.control().requestStop());
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                workers.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    private long now() {
        return clock.millis();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "replica";
        }
    }
}
