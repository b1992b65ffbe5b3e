package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import dev.computeplan.placement.domain.PlacementSolution;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs Timefold on a placement problem: time limit, early stop, and each new best solution reported. */
public final class PlacementSolver {

    /** Explicit seed: the same request gives the same answer under the same time budget and load. */
    public static final long SEED = 42L;

    /**
     * Ruin-and-recreate re-inserts each ruined workload by scoring every node: worth it on ROADEF-sized clusters
     * (100 machines), but on thousands of nodes one such move costs as much as thousands of change moves.
     */
    public static final int RUIN_RECREATE_MAX_NODES = 500;

    private static final SolverFactory<PlacementSolution> ANALYSIS_FACTORY = SolverFactory.create(
            PlacementSolverConfig.forAnalysis(SEED));

    /**
     * Building a factory analyses the domain and compiles the constraints (about a second on this machine);
     * solves with the same settings (the usual case: one default time limit) reuse it. Few distinct keys exist.
     */
    private static final Map<List<Object>, SolverFactory<PlacementSolution>> FACTORIES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_FACTORIES = 32;

    private PlacementSolver() {
    }

    /** For score analysis and recommendations (no solving): one shared, thread-safe manager. */
    public static SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager() {
        return SolutionManager.create(ANALYSIS_FACTORY);
    }

    /**
     * @param problem  initialised with warm-start/current nodes where known
     * @param limit    wall-clock budget
     * @param onStop   receives the early-termination hook to call when the job is stopped
     * @param onNewBest receives every new best solution (a clone owned by the receiver)
     */
    public static PlacementSolution solve(PlacementSolution problem, Duration limit, Consumer<Runnable> onStop,
            Consumer<PlacementSolution> onNewBest) {
        return solve(problem, limit, null, EnvironmentMode.REPRODUCIBLE, onStop, onNewBest);
    }

    public static PlacementSolution solve(PlacementSolution problem, Duration limit, Duration unimprovedLimit,
            EnvironmentMode mode, Consumer<Runnable> onStop, Consumer<PlacementSolution> onNewBest) {
        if (problem.getWorkloads().isEmpty()) {
            solutionManager().update(problem);
            return problem;
        }
        boolean ruinRecreate = problem.getNodes().size() <= RUIN_RECREATE_MAX_NODES;
        if (FACTORIES.size() > MAX_CACHED_FACTORIES) {
            FACTORIES.clear();
        }
        Solver<PlacementSolution> solver = FACTORIES.computeIfAbsent(List.of(limit, String.valueOf(unimprovedLimit), mode, ruinRecreate),
                key -> SolverFactory.<PlacementSolution>create(
                        PlacementSolverConfig.create(limit, unimprovedLimit, SEED, mode, ruinRecreate))).buildSolver();
        solver.addEventListener(event -> onNewBest.accept(event.getNewBestSolution()));
        AtomicBoolean stopped = new AtomicBoolean();
        onStop.accept(() -> {
            stopped.set(true);
            solver.terminateEarly();
        });
        if (stopped.get()) {
            // Stopped before it started: Timefold would reset the early-termination flag when solving starts.
            solutionManager().update(problem);
            return problem;
        }
        PlacementSolution best = solver.solve(problem);
        PutBackPolish.apply(best);
        // Stopped inside the construction heuristic, the returned best solution can carry the score of a
        // half-evaluated step: recompute it so that the answer's score and feasibility are its own.
        solutionManager().update(best);
        return best;
    }
}
