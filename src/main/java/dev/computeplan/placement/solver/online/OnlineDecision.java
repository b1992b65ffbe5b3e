package dev.computeplan.placement.solver.online;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;
import java.util.Map;

/**
 * What the online policy decided for one workload or one gang.
 *
 * @param placed        true when every workload has a node
 * @param placements    per workload, in the order given: node and GPU indices (empty when pending)
 * @param scoreDiff     the engine's score change of the placement (null when pending)
 * @param blockingRules when pending: per rule, how many nodes it ruled out for the workload that found none
 * @param blocked       when pending: the workload that found no node
 * @param victims       running workloads whose eviction would make room (empty: none offered)
 */
public record OnlineDecision(
        boolean placed,
        List<Placement> placements,
        HardMediumSoftLongScore scoreDiff,
        Map<String, Integer> blockingRules,
        String blocked,
        List<String> victims) {

    /** One workload's place: node id and the GPU indices it takes there. */
    public record Placement(String workload, String node, int[] gpus) {}

    public OnlineDecision withVictims(List<String> victims) {
        return new OnlineDecision(placed, placements, scoreDiff, blockingRules, blocked, List.copyOf(victims));
    }
}
