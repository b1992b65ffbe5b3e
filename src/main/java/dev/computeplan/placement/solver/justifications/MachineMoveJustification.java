package dev.computeplan.placement.solver.justifications;

/** Node-to-node cost of a migration. */
public record MachineMoveJustification(
        String workloadId, String fromNodeId, String toNodeId, long cost, String description)
        implements PlacementJustification {}
