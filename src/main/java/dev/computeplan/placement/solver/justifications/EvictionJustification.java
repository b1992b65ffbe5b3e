package dev.computeplan.placement.solver.justifications;

/** A running workload left pending: an eviction, priced above a move. */
public record EvictionJustification(String workloadId, String currentNodeId, long cost, String description)
        implements PlacementJustification {}
