package dev.computeplan.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A {@link SolveControl} held in memory: the job runner, the CLI and tests use it. */
public class SimpleSolveControl implements SolveControl {

    private final Duration timeLimit;
    private final List<Runnable> stopActions = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;
    private volatile BiConsumer<Object, String> bestListener = (s, score) -> {};

    public SimpleSolveControl(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    public SimpleSolveControl listener(BiConsumer<Object, String> listener) {
        this.bestListener = listener;
        return this;
    }

    @Override
    public Duration timeLimit() {
        return timeLimit;
    }

    @Override
    public boolean stopRequested() {
        return stopped;
    }

    @Override
    public synchronized void onStop(Runnable action) {
        if (stopped) {
            action.run();
        } else {
            stopActions.add(action);
        }
    }

    /**
     * Asks the solve to stop. Every call runs the stop actions again: a solver may miss a stop that lands while it is
     * starting (Timefold clears its early-termination flag when solving begins), so the job runner repeats it.
     */
    public void requestStop() {
        List<Runnable> toRun;
        synchronized (this) {
            stopped = true;
            toRun = List.copyOf(stopActions);
        }
        toRun.forEach(Runnable::run);
    }

    @Override
    public void newBest(Object solution, String score) {
        bestListener.accept(solution, score);
    }
}
