package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.SimpleSolveControl;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** A job solving on this replica and its latest best solution, saved at most once per interval. */
final class RunningJob {
    private final JobRecord job;
    private final SimpleSolveControl control;
    private final long startNanos;
    private final JobStore store;
    private final ObjectMapper mapper;
    private final String owner;
    private final Duration saveInterval;
    private final Clock clock;
    private String pendingJson;
    private String pendingScore;
    private int bestCount;
    private boolean dirty;
    private long lastSaveNanos;
    private final Object saveLock = new Object();
    private volatile long solveEndNanos;
    private volatile boolean solveEnded;

    RunningJob(
            JobRecord job,
            SimpleSolveControl control,
            long startNanos,
            JobStore store,
            ObjectMapper mapper,
            String owner,
            Duration saveInterval,
            Clock clock) {
        this.job = job;
        this.control = control;
        this.startNanos = startNanos;
        this.store = store;
        this.mapper = mapper;
        this.owner = owner;
        this.saveInterval = saveInterval;
        this.clock = clock;
        this.bestCount = job.bestCount();
    }

    /** Time spent solving; it stops growing when the solve returns, so saving and finishing do not count. */
    long solvedMs() {
        long end = solveEnded ? solveEndNanos : System.nanoTime();
        return job.solvedMs() + (end - startNanos) / 1_000_000;
    }

    void solveEnded() {
        if (!solveEnded) {
            solveEndNanos = System.nanoTime();
            solveEnded = true;
        }
    }

    void newBest(Object solution, String score) {
        record(toJson(solution), score);
    }

    /** The solve's result: a new best only if it differs from the last one reported. */
    void finalBest(Object solution, String score) {
        String json = toJson(solution);
        synchronized (this) {
            if (json.equals(pendingJson) && Objects.equals(score, pendingScore)) {
                return;
            }
        }
        record(json, score);
    }

    private String toJson(Object solution) {
        try {
            return mapper.writeValueAsString(solution);
        } catch (Exception e) {
            throw new IllegalStateException("Solution cannot be written as JSON", e);
        }
    }

    private void record(String json, String score) {
        synchronized (this) {
            pendingJson = json;
            pendingScore = score;
            bestCount++;
            dirty = true;
        }
        flush(false);
    }

    void flush(boolean force) {
        synchronized (saveLock) {
            flushUnderSaveLock(force);
        }
    }

    private void flushUnderSaveLock(boolean force) {
        String json;
        String score;
        int count;
        synchronized (this) {
            long sinceSave = System.nanoTime() - lastSaveNanos;
            if (!dirty || (!force && sinceSave < saveInterval.toNanos())) {
                return;
            }
            json = pendingJson;
            score = pendingScore;
            count = bestCount;
            dirty = false;
            lastSaveNanos = System.nanoTime();
        }
        store.saveBest(job.id(), owner, json, score, count, clock.millis());
    }

    JobRecord job() {
        return job;
    }

    SimpleSolveControl control() {
        return control;
    }
}
