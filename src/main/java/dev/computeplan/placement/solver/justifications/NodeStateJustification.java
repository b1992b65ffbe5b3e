package dev.computeplan.placement.solver.justifications;

/** A workload is on a failed or draining node, or newly on a cordoned one. */
public record NodeStateJustification(String workloadId, String nodeId, String nodeState, String description)
        implements PlacementJustification {}
