package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A zone keeps fewer completely free GPUs than its fail-over reserve. */
public record SpareReserveJustification(String zone, long freeGpus, int requiredGpus, long shortfall, String description) implements ConstraintJustification {
}
