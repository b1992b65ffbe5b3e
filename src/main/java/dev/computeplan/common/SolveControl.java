package dev.computeplan.common;

import java.time.Duration;

/** What a running solve can see of its job: its time limit, stop requests, and where to report progress. */
public interface SolveControl {

    /** The wall-clock time the solve may take. */
    Duration timeLimit();

    /** True once the job was asked to stop (or the service is shutting down). */
    boolean stopRequested();

    /** Runs {@code action} once when a stop is requested (immediately if it already was). */
    void onStop(Runnable action);

    /** Reports a new best solution; the job store keeps it so that nothing is lost on restart. */
    void newBest(Object solution, String score);

    /** A control with only a time limit, for the CLI and tests. */
    static SolveControl withTimeLimit(Duration limit) {
        return new SimpleSolveControl(limit);
    }
}
