package dev.computeplan.placement.solver.justifications;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/** Every placement justification carries a sentence people can read as it is. */
public interface PlacementJustification extends ConstraintJustification {

    String description();
}
