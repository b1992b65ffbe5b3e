package dev.computeplan.power.solver;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** One CP-SAT run of an {@link IntervalModel}: time limit, workers, seed and probing always set, every solution reported. */
final class IntervalSolve {

    /** CP-SAT's answer: status, its objective and best bound (µ$), and the schedule (null when none was found). */
    record Result(CpSolverStatus status, Placement[] schedule, long objective, long bound) {
        boolean found() {
            return status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        }
    }

    private IntervalSolve() {}

    /**
     * @param base       placements of the jobs the model does not choose (copied; the chosen ones are overwritten)
     * @param onSolution told of each solution: the full schedule and CP-SAT's bound at that time
     * @param onStop     receives the hook that stops the search (for a user's stop request)
     */
    static Result run(
            IntervalModel m,
            Placement[] base,
            double seconds,
            PowerSolverSettings settings,
            int seed,
            BiConsumer<Placement[], Long> onSolution,
            Consumer<Runnable> onStop) {
        PowerSolver.loadNative();
        CpSolver solver = new CpSolver();
        solver.getParameters()
                .setMaxTimeInSeconds(Math.max(0.05, seconds))
                .setNumWorkers(settings.workers())
                .setRandomSeed(seed)
                .setLogSearchProgress(settings.cpLog())
                .setCpModelProbingLevel(settings.probingLevel());
        onStop.accept(solver::stopSearch);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                try {
                    Placement[] s = base.clone();
                    m.extract(this::booleanValue, this::value, s);
                    onSolution.accept(s, (long) Math.ceil(bestObjectiveBound()));
                } catch (RuntimeException e) {
                    // never lose it: stop the search and rethrow after solve() returns
                    failure.compareAndSet(null, e);
                    stopSearch();
                }
            }
        };
        CpSolverStatus status = solver.solve(m.model(), callback);
        if (failure.get() != null) {
            throw new IllegalStateException("reporting a CP-SAT solution failed", failure.get());
        }
        Placement[] schedule = null;
        long objective = Long.MAX_VALUE;
        if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
            schedule = base.clone();
            m.extract(solver::booleanValue, solver::value, schedule);
            objective = Math.round(solver.objectiveValue());
        }
        return new Result(status, schedule, objective, (long) Math.ceil(solver.bestObjectiveBound()));
    }
}
