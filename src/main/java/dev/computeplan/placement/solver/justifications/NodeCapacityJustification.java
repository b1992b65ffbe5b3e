package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A node uses more of a resource than it has. */
public record NodeCapacityJustification(String nodeId, String resourceId, long usage, long capacity, long excess, String description) implements ConstraintJustification {
}
