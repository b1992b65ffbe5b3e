package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A running workload is migrated. */
public record ProcessMoveJustification(String workloadId, String fromNodeId, String toNodeId, long moveCost, String description) implements ConstraintJustification {
}
