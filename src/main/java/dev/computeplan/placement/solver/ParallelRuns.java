package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.solver.Solver;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.PlacementSolutionCloner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs several solvers of one problem at once, each on its own copy (Timefold's multithreaded move evaluation is not
 * in the community edition, so the cores go to independent runs), and returns the best answer; the first run's on
 * a tie, so the answer does not depend on which run finished first.
 */
final class ParallelRuns {

    private ParallelRuns() {}

    static PlacementSolution solve(
            List<Solver<PlacementSolution>> solvers,
            PlacementSolution problem,
            long deadlineNanos,
            ScheduledExecutorService watchdog) {
        ExecutorService pool = Executors.newFixedThreadPool(solvers.size(), r -> {
            Thread t = new Thread(r, "placement-run");
            t.setDaemon(true);
            return t;
        });
        PlacementSolutionCloner cloner = new PlacementSolutionCloner();
        try {
            List<Future<PlacementSolution>> runs = new ArrayList<>();
            for (Solver<PlacementSolution> solver : solvers) {
                PlacementSolution copy = cloner.cloneSolution(problem);
                runs.add(pool.submit(() -> PlacementSolver.solveBy(solver, copy, deadlineNanos, watchdog)));
            }
            PlacementSolution best = null;
            for (Future<PlacementSolution> run : runs) {
                PlacementSolution s = run.get();
                if (best == null || s.getScore().compareTo(best.getScore()) > 0) {
                    best = s;
                }
            }
            return best;
        } catch (InterruptedException e) {
            solvers.forEach(Solver::terminateEarly);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            solvers.forEach(Solver::terminateEarly);
            throw new IllegalStateException("a solver run failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
