package dev.computeplan.placement.solver.justifications;

/** A workload is left pending. */
public record UnassignedJustification(String workloadId, long priority, String currentNodeId, String description)
        implements PlacementJustification {}
