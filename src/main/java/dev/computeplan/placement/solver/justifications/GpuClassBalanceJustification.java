package dev.computeplan.placement.solver.justifications;

/** GPU use concentrated on one GPU class: P x used^2 / capacity, P the total probe popularity. */
public record GpuClassBalanceJustification(
        String gpuClass, long usedMilli, long capacityMilli, long probePopularity, long penalty, String description)
        implements PlacementJustification {}
