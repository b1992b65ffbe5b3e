package dev.computeplan.placement.solver.justifications;

/** A zone keeps fewer completely free GPUs than its fail-over reserve. */
public record SpareReserveJustification(
        String zone, long freeGpus, int requiredGpus, long shortfall, String description)
        implements PlacementJustification {}
