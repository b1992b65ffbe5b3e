package dev.computeplan.placement.solver.justifications;

/** A service covers fewer zones than it must. */
public record SpreadJustification(String serviceId, int zones, int spreadMin, int shortfall, String description)
        implements PlacementJustification {}
