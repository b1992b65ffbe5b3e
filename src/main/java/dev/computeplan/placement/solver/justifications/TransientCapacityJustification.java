package dev.computeplan.placement.solver.justifications;

/** Workloads moving away still hold a transient resource on their old node, pushing it over capacity. */
public record TransientCapacityJustification(
        String nodeId,
        String resourceId,
        long usage,
        long heldByMovingAway,
        long capacity,
        long excess,
        String description)
        implements PlacementJustification {}
