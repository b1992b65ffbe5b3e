package dev.computeplan.placement.solver.justifications;

/** The service with the most migrated workloads (ROADEF service move cost counts the maximum). */
public record ServiceMoveJustification(String serviceId, int movedWorkloads, String description)
        implements PlacementJustification {}
