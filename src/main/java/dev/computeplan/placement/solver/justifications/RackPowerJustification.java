package dev.computeplan.placement.solver.justifications;

/** A rack draws more than its power cap. */
public record RackPowerJustification(String rackId, long drawWatts, long capWatts, long excessWatts, String description)
        implements PlacementJustification {}
