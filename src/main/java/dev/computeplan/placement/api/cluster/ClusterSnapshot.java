package dev.computeplan.placement.api.cluster;

import dev.computeplan.placement.api.PlacementRequest;
import java.util.List;
import java.util.Map;

/** A cluster's durable state: its placement request (nodes, running workloads, rules) and the GPUs they hold. */
public record ClusterSnapshot(PlacementRequest state, Map<String, List<Integer>> gpuIndices) {}
