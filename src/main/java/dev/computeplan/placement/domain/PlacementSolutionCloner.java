package dev.computeplan.placement.domain;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;

import java.util.ArrayList;
import java.util.List;

/**
 * Clones a placement for Timefold's best-solution copies by copying the workloads directly. The reflective default
 * cloner took over half the solving time on 50,000 workloads, where every improving step copies the solution.
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
