package dev.computeplan.placement.solver.justifications;

/** A node uses more of a resource than it has. */
public record NodeCapacityJustification(
        String nodeId, String resourceId, long usage, long capacity, long excess, String description)
        implements PlacementJustification {}
