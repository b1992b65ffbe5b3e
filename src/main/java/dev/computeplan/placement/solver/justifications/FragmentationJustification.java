package dev.computeplan.placement.solver.justifications;

/** Free GPU capacity on a node that a typical workload shape could not use. */
public record FragmentationJustification(
        String nodeId, String probeId, long fragmentMilli, long popularity, String description)
        implements PlacementJustification {}
