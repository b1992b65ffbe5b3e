package dev.computeplan.placement.solver.justifications;

/** A running workload is migrated. */
public record ProcessMoveJustification(
        String workloadId, String fromNodeId, String toNodeId, long moveCost, String description)
        implements PlacementJustification {}
