package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A workload runs on a GPU type it does not allow. */
public record GpuTypeJustification(String workloadId, String nodeId, String nodeGpuType, java.util.Set<String> allowedGpuTypes, String description) implements ConstraintJustification {
}
