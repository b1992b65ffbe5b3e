package dev.computeplan.placement.explain;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.justifications.PlacementJustification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Why is my workload pending, where could it go?": takes the workload out of the solution and asks Timefold's
 * {@link SolutionManager#recommendAssignment} to score it on every node, keeping the rest of the solution fixed.
 */
public final class PlacementRecommender {

    private final SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager;

    public PlacementRecommender(SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    /** Empty when the solution has no workload {@code workloadId}. The solution is left as it was. */
    public Optional<PlacementRecommendation> recommend(PlacementSolution solution, String workloadId, int limit) {
        Workload workload = solution.getWorkloads().stream()
                .filter(w -> w.getId().equals(workloadId))
                .findFirst()
                .orElse(null);
        if (workload == null) {
            return Optional.empty();
        }
        GangAdvice gang = workload.getGang() == null ? null : GangAdvisor.advise(solution, workload.getGang());
        Node assigned = workload.getNode();
        workload.setNode(null);
        try {
            return Optional.of(rank(solution, workload, assigned, limit).withGang(gang));
        } finally {
            workload.setNode(assigned);
            solutionManager.update(solution);
        }
    }

    /** Scores the workload on every node; it is unassigned here so its own load counts against no node. */
    private PlacementRecommendation rank(PlacementSolution solution, Workload workload, Node assigned, int limit) {
        HardMediumSoftLongScore base = solutionManager.update(solution);
        List<RecommendedAssignment<Node, HardMediumSoftLongScore>> ranked = solutionManager.recommendAssignment(
                solution, workload, Workload::getNode, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<PlacementRecommendation.Option> options = new ArrayList<>();
        Map<String, TypeTally> ruledOut = new TreeMap<>();
        Map<String, Boolean> typeHasFeasible = new TreeMap<>();
        int feasible = 0;
        for (RecommendedAssignment<Node, HardMediumSoftLongScore> r : ranked) {
            Node node = r.proposition();
            if (node == null) {
                continue;
            }
            ScoreAnalysis<HardMediumSoftLongScore> diff = r.scoreAnalysisDiff();
            HardMediumSoftLongScore score = base.add(diff.score());
            Map<String, List<String>> blockedBy = blockingConstraints(diff);
            boolean fits = blockedBy.isEmpty();
            feasible += fits ? 1 : 0;
            String type = nodeType(node);
            typeHasFeasible.merge(type, fits, Boolean::logicalOr);
            if (!fits) {
                TypeTally tally = ruledOut.computeIfAbsent(type, t -> new TypeTally());
                tally.nodes++;
                blockedBy.keySet().forEach(c -> tally.constraints.merge(c, 1, Integer::sum));
            }
            if (options.size() < limit) {
                options.add(new PlacementRecommendation.Option(
                        node.getId(),
                        score.toString(),
                        diff.score().toString(),
                        fits && score.hardScore() == 0,
                        blockedBy));
            }
        }
        List<PlacementRecommendation.RuledOut> types = ruledOutTypes(ruledOut, typeHasFeasible);
        return new PlacementRecommendation(
                workload.getId(),
                assigned == null ? null : assigned.getId(),
                base.toString(),
                feasible,
                options,
                types,
                summary(workload.getId(), assigned, feasible, options, types),
                null);
    }

    /** Node types on which no node fits, with how many nodes each hard constraint ruled out. */
    private static List<PlacementRecommendation.RuledOut> ruledOutTypes(
            Map<String, TypeTally> ruledOut, Map<String, Boolean> typeHasFeasible) {
        List<PlacementRecommendation.RuledOut> types = new ArrayList<>();
        ruledOut.forEach((type, tally) -> {
            if (!typeHasFeasible.get(type)) {
                types.add(new PlacementRecommendation.RuledOut(type, tally.nodes, tally.constraints));
            }
        });
        return types;
    }

    /** Hard constraints whose score gets worse with this placement, with the sentences of their matches. */
    private static Map<String, List<String>> blockingConstraints(ScoreAnalysis<HardMediumSoftLongScore> diff) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ConstraintAnalysis<HardMediumSoftLongScore> c : diff.constraintAnalyses()) {
            if (c.score().hardScore() >= 0) {
                continue;
            }
            List<String> sentences = new ArrayList<>();
            if (c.matches() != null) {
                for (MatchAnalysis<HardMediumSoftLongScore> m : c.matches()) {
                    if (m.score().hardScore() < 0 && m.justification() instanceof PlacementJustification j) {
                        sentences.add(j.description());
                    }
                }
            }
            out.put(c.constraintName(), sentences);
        }
        return out;
    }

    static String nodeType(Node node) {
        String gpus = node.getGpuCount() == 0 ? "no GPU" : node.getGpuCount() + "x" + node.getGpuType();
        return gpus + " " + node.getState().name().toLowerCase();
    }

    private static String summary(
            String workloadId,
            Node assigned,
            int feasible,
            List<PlacementRecommendation.Option> options,
            List<PlacementRecommendation.RuledOut> types) {
        String now = assigned == null ? "is pending" : "runs on " + assigned.getId();
        if (feasible == 0) {
            StringBuilder why = new StringBuilder();
            for (PlacementRecommendation.RuledOut t : types) {
                why.append(why.isEmpty() ? "" : "; ")
                        .append(t.nodeType())
                        .append(" nodes: ")
                        .append(String.join(", ", t.constraints().keySet()));
            }
            return "%s %s; it fits on no node without breaking a hard rule (%s)".formatted(workloadId, now, why);
        }
        return "%s %s; it fits on %d nodes, best %s (%s)"
                .formatted(
                        workloadId,
                        now,
                        feasible,
                        options.get(0).node(),
                        options.get(0).scoreDiff());
    }

    private static final class TypeTally {
        private int nodes;
        private final Map<String, Integer> constraints = new TreeMap<>();
    }
}
