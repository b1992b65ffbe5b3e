package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** A rack draws more than its power cap. */
public record RackPowerJustification(String rackId, long drawWatts, long capWatts, long excessWatts, String description) implements ConstraintJustification {
}
