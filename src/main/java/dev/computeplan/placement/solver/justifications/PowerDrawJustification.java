package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Estimated power draw of a busy node. */
public record PowerDrawJustification(String nodeId, long watts, String description) implements ConstraintJustification {
}
