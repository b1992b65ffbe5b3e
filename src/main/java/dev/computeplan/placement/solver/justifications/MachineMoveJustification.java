package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Node-to-node cost of a migration. */
public record MachineMoveJustification(String workloadId, String fromNodeId, String toNodeId, long cost, String description) implements ConstraintJustification {
}
