package dev.computeplan.placement.solver.justifications;

/** A workload runs on a GPU type it does not prefer. */
public record PreferredGpuTypeJustification(
        String workloadId,
        String nodeId,
        String nodeGpuType,
        java.util.Set<String> preferredGpuTypes,
        String description)
        implements PlacementJustification {}
