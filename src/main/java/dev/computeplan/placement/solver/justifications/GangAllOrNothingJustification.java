package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Only part of a gang is placed. */
public record GangAllOrNothingJustification(String gangId, int assignedMembers, int members, int missing, String description) implements ConstraintJustification {
}
