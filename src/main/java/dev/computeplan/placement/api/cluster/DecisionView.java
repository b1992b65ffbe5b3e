package dev.computeplan.placement.api.cluster;

import java.util.List;

/**
 * An online decision.
 *
 * @param status        PLACED (bound unless a dry run) or PENDING
 * @param version       the cluster version after the decision (unchanged by a dry run or a pending answer)
 * @param bound         true when the placements are now part of the cluster
 * @param placements    per workload, in the order sent: node and GPU indices
 * @param scoreDiff     the engine's score change of the placement ({@code hard/medium/soft}), as recommendations report it
 * @param blocked       PENDING: the workload that found no node
 * @param blockingRules PENDING: the rules that ruled nodes out, with how many nodes each ruled out, most first
 * @param message       PENDING: the reason in one sentence
 * @param victims       PENDING: running workloads whose eviction would make room (empty: preemption not offered)
 */
public record DecisionView(
        Status status,
        long version,
        boolean bound,
        List<PlacementView> placements,
        String scoreDiff,
        String blocked,
        List<BlockingRule> blockingRules,
        String message,
        List<String> victims) {

    public enum Status {
        PLACED,
        PENDING
    }

    /** Where one workload goes. */
    public record PlacementView(String workload, String node, List<Integer> gpus) {}

    /** A hard rule and the number of nodes it ruled out. */
    public record BlockingRule(String rule, int nodes) {}
}
