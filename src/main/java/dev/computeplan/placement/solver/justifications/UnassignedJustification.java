package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A workload is left pending. */
public record UnassignedJustification(String workloadId, long priority, String currentNodeId, String description) implements ConstraintJustification {
}
