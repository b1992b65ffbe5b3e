package dev.computeplan.placement.solver.justifications;

/** A workload runs on a GPU type it does not allow. */
public record GpuTypeJustification(
        String workloadId, String nodeId, String nodeGpuType, java.util.Set<String> allowedGpuTypes, String description)
        implements PlacementJustification {}
