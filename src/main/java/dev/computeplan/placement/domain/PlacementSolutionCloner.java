package dev.computeplan.placement.domain;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import java.util.ArrayList;
import java.util.List;

/**
 * Clones a placement for Timefold's best-solution copies by copying the workloads directly: every improving step
 * copies the solution, and the reflective default cloner dominates the solving time on large clusters.
 */
public final class PlacementSolutionCloner implements SolutionCloner<PlacementSolution> {

    @Override
    public PlacementSolution cloneSolution(PlacementSolution original) {
        List<Workload> workloads = new ArrayList<>(original.getWorkloads().size());
        for (Workload w : original.getWorkloads()) {
            workloads.add(w.copy());
        }
        return original.cloneWithWorkloads(workloads);
    }
}
