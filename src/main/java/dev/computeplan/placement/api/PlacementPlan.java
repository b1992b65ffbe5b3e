package dev.computeplan.placement.api;

import java.util.List;

/**
 * A placement answer as sent on the wire (also the warm start of a restarted job).
 *
 * @param score       Timefold score text {@code hard/medium/soft}
 * @param feasible    true when no hard rule is broken
 * @param assignments one entry per workload, in request order
 * @param summary     totals
 */
public record PlacementPlan(String score, boolean feasible, List<Assignment> assignments, Summary summary) {

    /**
     * @param workload    workload id
     * @param node        node id, or null when pending
     * @param gpuIndices  GPUs used on that node (whole GPUs, or the one GPU holding a fractional share)
     * @param currentNode where it ran before, or null
     * @param moved       true when it runs on another node than its current one
     */
    public record Assignment(
            String workload, String node, List<Integer> gpuIndices, String currentNode, boolean moved) {}

    /**
     * @param assigned        workloads placed
     * @param pending         workloads left unassigned
     * @param moved           running workloads migrated
     * @param gpuAllocatedMilli GPU capacity in use (milli) on active nodes
     * @param gpuCapacityMilli  GPU capacity (milli) of active nodes
     */
    public record Summary(int assigned, int pending, int moved, long gpuAllocatedMilli, long gpuCapacityMilli) {}
}
