package dev.computeplan.placement.solver.justifications;

/** A node uses more of a resource than its safety capacity. */
public record LoadCostJustification(
        String nodeId, String resourceId, long usage, long safetyCapacity, long over, long weight, String description)
        implements PlacementJustification {}
