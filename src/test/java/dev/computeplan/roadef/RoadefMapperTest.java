package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.solver.PlacementSolver;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's score of a mapped ROADEF solution equals minus the exact scorer's cost, and hard < 0 iff infeasible. */
class RoadefMapperTest {

    private static final SolutionManager<PlacementSolution, HardMediumSoftLongScore> ENGINE =
            PlacementSolver.solutionManager();

    private static HardMediumSoftLongScore engineScore(RoadefInstance in, int[] assignment) {
        return ENGINE.update(RoadefMapper.toPlacement(in, assignment));
    }

    @Test
    void mapsBackToTheSameAssignment() {
        RoadefInstance in = RoadefTestData.tiny();
        int[] assignment = {0, 1, 1, 2, 0};
        assertThat(RoadefMapper.toAssignment(RoadefMapper.toPlacement(in, assignment)))
                .containsExactly(assignment);
    }

    @Test
    void engineScoreEqualsExactCostOfInitialAssignments() {
        for (String name : new String[] {"a1_1", "a1_2", "a2_1", "a2_2", "a2_5"}) {
            RoadefInstance in = RoadefTestData.load(name);
            HardMediumSoftLongScore score = engineScore(in, in.initialAssignment());
            assertThat(score.hardScore()).as(name).isZero();
            assertThat(score.mediumScore()).as(name).isZero();
            assertThat(-score.softScore()).as(name).isEqualTo(RoadefTestData.originalCost(name));
        }
    }

    @Test
    void engineScoreEqualsExactCostOfImprovedSolutions() {
        for (String name : new String[] {"a1_1", "a2_2"}) {
            RoadefInstance in = RoadefTestData.load(name);
            int[] solution = RoadefJobSolverTest.stepLimited(1, 2_000).solve(in, Duration.ofSeconds(120), 11);
            RoadefScore exact = RoadefScorer.score(in, solution);
            assertThat(exact.feasible()).isTrue();
            assertThat(exact.processMoveCost() + exact.machineMoveCost())
                    .as(name + " moved something")
                    .isPositive();
            HardMediumSoftLongScore score = engineScore(in, solution);
            assertThat(score.hardScore()).as(name).isZero();
            assertThat(-score.softScore()).as(name).isEqualTo(exact.total());
        }
    }

    @Test
    void engineScoreOfTinyMovedCasesEqualsHandComputedCost() {
        RoadefInstance in = RoadefTestData.tiny();
        // hand-computed in RoadefScorerTest: 70 initial, 1209 with p2 moved, 4384 with p3 and p4 moved
        assertThat(engineScore(in, new int[] {0, 1, 0, 2, 1})).isEqualTo(HardMediumSoftLongScore.ofSoft(-70));
        assertThat(engineScore(in, new int[] {0, 1, 1, 2, 1})).isEqualTo(HardMediumSoftLongScore.ofSoft(-1209));
        assertThat(engineScore(in, new int[] {0, 1, 0, 1, 0})).isEqualTo(HardMediumSoftLongScore.ofSoft(-4384));
    }

    @Test
    void engineSeesEveryHandMadeInfeasibility() {
        RoadefInstance in = RoadefTestData.tiny();
        int[][] infeasible = {
            {0, 1, 0, 0, 1}, // capacity
            {0, 2, 1, 1, 0}, // transient
            {0, 1, 0, 2, 2}, // conflict
            {2, 1, 0, 2, 1}, // spread
            {0, 1, 2, 2, 1}, // dependency
        };
        for (int[] solution : infeasible) {
            assertThat(RoadefScorer.score(in, solution).feasible()).isFalse();
            assertThat(engineScore(in, solution).hardScore()).isNegative();
        }
    }
}
