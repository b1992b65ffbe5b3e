package dev.computeplan.placement.explain;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a {@link PlacementExplanation} with Timefold's score analysis. */
public final class PlacementExplainer {

    /** Matches listed per constraint; the count is always complete. */
    public static final int MAX_MATCHES = 100;

    private final SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager;

    public PlacementExplainer(SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    public PlacementExplanation explain(PlacementSolution solution) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis =
                solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<PlacementExplanation.ConstraintScore> constraints = new ArrayList<>();
        analysis.constraintAnalyses().stream()
                .filter(c -> !c.score().isZero())
                .sorted(Comparator.comparing(ConstraintAnalysis<HardMediumSoftLongScore>::score))
                .forEach(c -> constraints.add(new PlacementExplanation.ConstraintScore(
                        c.constraintName(),
                        c.score().toString(),
                        c.matchCount(),
                        c.matches().stream()
                                .sorted(Comparator.comparing(m -> m.score()))
                                .limit(MAX_MATCHES)
                                .map(m ->
                                        new PlacementExplanation.Match(m.score().toString(), m.justification()))
                                .toList())));
        List<PlacementExplanation.Displacement> displaced = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Workload w : solution.getWorkloads()) {
            if (!w.isAssigned()) {
                pending.add(w.getId());
            }
            if (w.getCurrentNode() != null
                    && w.getCurrentNode().getState() != NodeState.ACTIVE
                    && w.getCurrentNode().getState() != NodeState.CORDONED
                    && w.getNode() != w.getCurrentNode()) {
                String state = w.getCurrentNode().getState().name().toLowerCase();
                String to = w.isAssigned() ? w.getNode().getId() : null;
                displaced.add(new PlacementExplanation.Displacement(
                        w.getId(),
                        w.getCurrentNode().getId(),
                        w.getCurrentNode().getState().name(),
                        to,
                        to == null
                                ? "%s left %s node %s and is pending: no node fits it"
                                        .formatted(
                                                w.getId(),
                                                state,
                                                w.getCurrentNode().getId())
                                : "%s moved from %s node %s to %s"
                                        .formatted(
                                                w.getId(),
                                                state,
                                                w.getCurrentNode().getId(),
                                                to)));
            }
        }
        HardMediumSoftLongScore score = analysis.score();
        return new PlacementExplanation(
                score.toString(), score.hardScore() == 0, constraints, displaced, pending, preempted(solution));
    }

    /** Running workloads on a still usable node that are now pending, and the newcomers on that node. */
    static List<PlacementExplanation.Preemption> preempted(PlacementSolution solution) {
        Map<Node, List<Workload>> arrivals = new IdentityHashMap<>();
        for (Workload w : solution.getWorkloads()) {
            if (w.isAssigned() && w.getNode() != w.getCurrentNode()) {
                arrivals.computeIfAbsent(w.getNode(), n -> new ArrayList<>()).add(w);
            }
        }
        List<PlacementExplanation.Preemption> preempted = new ArrayList<>();
        for (Workload w : solution.getWorkloads()) {
            Node from = w.getCurrentNode();
            if (w.isAssigned() || from == null || from.getState() != NodeState.ACTIVE) {
                continue;
            }
            List<Workload> there = arrivals.getOrDefault(from, List.of()).stream()
                    .sorted(Comparator.comparingLong(Workload::getPriority).reversed())
                    .toList();
            String sentence = there.isEmpty()
                    ? "%s (priority %d) was running on %s and is pending"
                            .formatted(w.getId(), w.getPriority(), from.getId())
                    : "%s (priority %d) was running on %s and is pending: %s now runs %s"
                            .formatted(
                                    w.getId(),
                                    w.getPriority(),
                                    from.getId(),
                                    from.getId(),
                                    there.stream()
                                            .map(a -> "%s (priority %d)".formatted(a.getId(), a.getPriority()))
                                            .collect(Collectors.joining(", ")));
            preempted.add(new PlacementExplanation.Preemption(
                    w.getId(),
                    w.getPriority(),
                    from.getId(),
                    there.stream().map(Workload::getId).toList(),
                    sentence));
        }
        return preempted;
    }
}
