package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A service covers fewer zones than it must. */
public record SpreadJustification(String serviceId, int zones, int spreadMin, int shortfall, String description) implements ConstraintJustification {
}
