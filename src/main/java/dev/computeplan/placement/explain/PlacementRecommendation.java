package dev.computeplan.placement.explain;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param summary       one sentence; for a member of a pending gang, followed by the gang's advice
 * @param gang          for a gang member, why the gang is pending and what would make room; absent otherwise
 */
public record PlacementRecommendation(
        String workload,
        String assignedNode,
        String baseScore,
        int feasibleNodes,
        List<Option> options,
        List<RuledOut> ruledOutByNodeType,
        String summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) GangAdvice gang) {

    /** The same, with a gang member's advice; a pending gang's summary is added to the sentence. */
    PlacementRecommendation withGang(GangAdvice advice) {
        if (advice == null) {
            return this;
        }
        String sentence = advice.placedMembers() == advice.members() ? summary : summary + ". " + advice.summary();
        return new PlacementRecommendation(
                workload, assignedNode, baseScore, feasibleNodes, options, ruledOutByNodeType, sentence, advice);
    }

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
