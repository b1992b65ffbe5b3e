package dev.computeplan.placement.solver.justifications;

/** A service whose replicas are spread over a topology key with more skew than allowed. */
public record TopologySpreadJustification(
        String spreadId, String serviceId, String topologyKey, int maxSkew, long excess, String description)
        implements PlacementJustification {}
