package dev.computeplan.placement.solver.justifications;

/** Estimated power draw of a busy node. */
public record PowerDrawJustification(String nodeId, long watts, String description) implements PlacementJustification {}
