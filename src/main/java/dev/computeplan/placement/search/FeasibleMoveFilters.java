package dev.computeplan.placement.search;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;
import ai.timefold.solver.core.impl.move.VariableChangeRecordingScoreDirector;
import ai.timefold.solver.core.impl.score.director.incremental.IncrementalScoreDirector;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementIncrementalScore;

/**
 * Move filters that skip, unscored, the moves {@link PlacementIncrementalScore} can tell break a capacity or
 * anti-affinity of a feasible solution. On tightly packed clusters (ROADEF) that is most random moves, and
 * rejecting one costs O(resources) instead of a do, a score and an undo.
 */
public final class FeasibleMoveFilters {

    private FeasibleMoveFilters() {}

    /** The incremental score behind {@code scoreDirector}, or null when it scores another way. */
    static PlacementIncrementalScore calculator(ScoreDirector<?> scoreDirector) {
        // inside a move Timefold hands out a recording wrapper (for the undo)
        if (scoreDirector instanceof VariableChangeRecordingScoreDirector<?, ?> recording) {
            return calculator(recording.getBacking());
        }
        if (scoreDirector instanceof IncrementalScoreDirector<?, ?> incremental
                && incremental.getIncrementalScoreCalculator() instanceof PlacementIncrementalScore score) {
            return score;
        }
        return null;
    }

    /** For change moves. */
    public static final class Change implements SelectionFilter<PlacementSolution, ChangeMove<PlacementSolution>> {
        @Override
        public boolean accept(ScoreDirector<PlacementSolution> scoreDirector, ChangeMove<PlacementSolution> move) {
            PlacementIncrementalScore score = calculator(scoreDirector);
            return score == null
                    || !score.fit().breaksFeasibleShift((Workload) move.getEntity(), (Node) move.getToPlanningValue());
        }
    }

    /** For swap moves. */
    public static final class Swap implements SelectionFilter<PlacementSolution, SwapMove<PlacementSolution>> {
        @Override
        public boolean accept(ScoreDirector<PlacementSolution> scoreDirector, SwapMove<PlacementSolution> move) {
            PlacementIncrementalScore score = calculator(scoreDirector);
            return score == null
                    || !score.fit()
                            .breaksFeasibleSwap((Workload) move.getLeftEntity(), (Workload) move.getRightEntity());
        }
    }
}
