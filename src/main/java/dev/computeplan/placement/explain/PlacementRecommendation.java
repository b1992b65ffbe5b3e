package dev.computeplan.placement.explain;

import java.util.List;
import java.util.Map;

/**
 * Where one workload could go, best first, and why the other nodes are ruled out.
 *
 * @param workload      the workload
 * @param assignedNode  where the solution has it now, or null when pending
 * @param baseScore     score of the solution with this workload taken out
 * @param feasibleNodes number of nodes where it fits without breaking a hard rule
 * @param options       up to the requested number of nodes, best score first
 * @param ruledOutByNodeType for each node type (GPU type x GPU count x state) with no feasible node, the hard
 *                      constraints that rule its nodes out and on how many nodes each does
 * @param summary       one sentence
 */
public record PlacementRecommendation(
        String workload,
        String assignedNode,
        String baseScore,
        int feasibleNodes,
        List<Option> options,
        List<RuledOut> ruledOutByNodeType,
        String summary) {

    /**
     * @param node      candidate node
     * @param score     score with the workload there
     * @param scoreDiff change against {@code baseScore}
     * @param feasible  true when this placement breaks no hard rule (and the rest of the solution was feasible)
     * @param blockedBy hard constraints this placement breaks, with the sentences of the matches it adds
     */
    public record Option(
            String node, String score, String scoreDiff, boolean feasible, Map<String, List<String>> blockedBy) {}

    public record RuledOut(String nodeType, int nodes, Map<String, Integer> constraints) {}
}
