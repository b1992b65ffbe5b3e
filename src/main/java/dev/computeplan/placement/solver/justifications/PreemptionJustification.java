package dev.computeplan.placement.solver.justifications;

/**
 * A victim (one workload, or the evicted members of one gang) is evicted while no workload of strictly higher
 * priority, allowed to preempt, arrives on its former node.
 */
public record PreemptionJustification(String victimId, int evicted, String description)
        implements PlacementJustification {}
