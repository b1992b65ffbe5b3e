package dev.computeplan.placement.solver.justifications;

/** Two workloads of one anti-affine service share a node. */
public record AntiAffinityJustification(
        String serviceId, String workloadId1, String workloadId2, String nodeId, String description)
        implements PlacementJustification {}
