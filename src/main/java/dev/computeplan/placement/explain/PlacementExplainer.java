package dev.computeplan.placement.explain;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds a {@link PlacementExplanation} with Timefold's score analysis. */
public final class PlacementExplainer {

    /** Matches listed per constraint; the count is always complete. */
    public static final int MAX_MATCHES = 100;

    private final SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager;

    public PlacementExplainer(SolutionManager<PlacementSolution, HardMediumSoftLongScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    public PlacementExplanation explain(PlacementSolution solution) {
        ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_ALL);
        List<PlacementExplanation.ConstraintScore> constraints = new ArrayList<>();
        analysis.constraintAnalyses().stream()
                .filter(c -> !c.score().isZero())
                .sorted(Comparator.comparing(ConstraintAnalysis<HardMediumSoftLongScore>::score))
                .forEach(c -> constraints.add(new PlacementExplanation.ConstraintScore(c.constraintName(),
                        c.score().toString(), c.matchCount(), c.matches().stream()
                                .sorted(Comparator.comparing(m -> m.score()))
                                .limit(MAX_MATCHES)
                                .map(m -> new PlacementExplanation.Match(m.score().toString(), m.justification()))
                                .toList())));
        List<PlacementExplanation.Displacement> displaced = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Workload w : solution.getWorkloads()) {
            if (!w.isAssigned()) {
                pending.add(w.getId());
            }
            if (w.getCurrentNode() != null && w.getCurrentNode().getState() != NodeState.ACTIVE
                    && w.getCurrentNode().getState() != NodeState.CORDONED && w.getNode() != w.getCurrentNode()) {
                String state = w.getCurrentNode().getState().name().toLowerCase();
                String to = w.isAssigned() ? w.getNode().getId() : null;
                displaced.add(new PlacementExplanation.Displacement(w.getId(), w.getCurrentNode().getId(),
                        w.getCurrentNode().getState().name(), to, to == null
                                ? "%s left %s node %s and is pending: no node fits it".formatted(w.getId(), state,
                                        w.getCurrentNode().getId())
                                : "%s moved from %s node %s to %s".formatted(w.getId(), state, w.getCurrentNode().getId(), to)));
            }
        }
        HardMediumSoftLongScore score = analysis.score();
        return new PlacementExplanation(score.toString(), score.hardScore() == 0, constraints, displaced, pending);
    }
}
