package dev.computeplan.placement.solver.justifications;

/** A node's GPU demand does not fit its GPUs (whole GPUs plus fractional shares packed without splitting). */
public record GpuCapacityJustification(
        String nodeId, int gpuCount, long demandMilli, long overflowMilli, String description)
        implements PlacementJustification {}
