package dev.computeplan.placement.explain;

import java.util.List;

/**
 * Why a placement is what it is: the score per constraint with its matches, the workloads displaced by failed,
 * draining or cordoned nodes, the pending workloads, and the running ones that gave way to others.
 *
 * @param score        total score text
 * @param feasible     no hard rule broken
 * @param constraints  every constraint with a non-zero score, hard first
 * @param displaced    running workloads that had to leave their node because of its state
 * @param pending      unassigned workloads
 * @param preempted    running workloads on a usable node that are now pending, with who runs there instead
 */
public record PlacementExplanation(
        String score,
        boolean feasible,
        List<ConstraintScore> constraints,
        List<Displacement> displaced,
        List<String> pending,
        List<Preemption> preempted) {

    /**
     * @param workload    the pending workload
     * @param priority    its priority
     * @param fromNode    the node it was running on
     * @param arrivals    workloads now on that node that were not running there, most important first
     * @param description a sentence for people
     */
    public record Preemption(
            String workload, long priority, String fromNode, List<String> arrivals, String description) {}

    /**
     * @param name       constraint name
     * @param score      its contribution
     * @param matchCount number of matches
     * @param matches    up to {@link PlacementExplainer#MAX_MATCHES} matches, each a structured justification
     */
    public record ConstraintScore(String name, String score, int matchCount, List<Match> matches) {}

    public record Match(String score, Object justification) {}

    /**
     * @param workload  the workload
     * @param fromNode  its node, which can no longer keep it
     * @param nodeState that node's state
     * @param toNode    where it now runs, or null when pending
     * @param description a sentence for people
     */
    public record Displacement(String workload, String fromNode, String nodeState, String toNode, String description) {}
}
