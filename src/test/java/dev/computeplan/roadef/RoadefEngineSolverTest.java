package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.PlacementSolution;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The placement engine solves ROADEF: feasible, no worse than the start, and its own score is the exact cost. */
class RoadefEngineSolverTest {

    @Test
    @Tag("slow") // the ROADEF solvers stop on the clock only
    void engineAnswerOnA1_1IsFeasibleAndItsScoreIsTheExactCost() {
        RoadefInstance in = RoadefTestData.load("a1_1");
        PlacementSolution best =
                new RoadefEngineSolver(Clock.systemUTC(), 1).solvePlacement(in, Duration.ofSeconds(2), 1);
        RoadefScore exact = RoadefScorer.score(in, RoadefMapper.toAssignment(best));
        assertThat(exact.violations()).isEmpty();
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(best.getScore().mediumScore()).isZero();
        assertThat(-best.getScore().softScore()).isEqualTo(exact.total());
        // initial 49,528,750; best known 44,306,501. Not asserted to improve: on a loaded 2-core machine the
        // engine's set-up can take most of a 2 s budget (the benchmark measures the improvement).
        assertThat(exact.total())
                .isLessThanOrEqualTo(RoadefTestData.originalCost("a1_1"))
                .isGreaterThanOrEqualTo(44_306_501L);
    }

    @Test
    void annealingStartsAtATenthOfAPercentOfTheCostUpToAHundredMachinesAndCoolerBeyond() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        assertThat(in.machineCount()).isEqualTo(100);
        assertThat(RoadefEngineSolver.startingTemperature(in))
                .isEqualTo((long) (RoadefTestData.originalCost("a2_2") * 0.001));
        assertThat(RoadefEngineSolver.machineScale(4)).isEqualTo(1.0);
        assertThat(RoadefEngineSolver.machineScale(100)).isEqualTo(1.0);
        assertThat(RoadefEngineSolver.machineScale(5_000)).isEqualTo(0.02);
    }

    @Test
    void onlyInstancesWithATransientResourceRelaxCapacityStartingAtTheLargestLoadCostWeight() {
        RoadefInstance a22 = RoadefTestData.load("a2_2");
        long largest = 0;
        for (int r = 0; r < a22.resourceCount(); r++) {
            largest = Math.max(largest, a22.loadCostWeight(r));
        }
        assertThat(largest).isPositive();
        assertThat(RoadefEngineSolver.capacityPrice(a22)).isEqualTo((double) largest);
        assertThat(RoadefEngineSolver.capacityPrice(RoadefTestData.tiny())).isEqualTo(10.0);
        // a2_5 and a1_1 have no transient resource
        assertThat(RoadefEngineSolver.capacityPrice(RoadefTestData.load("a2_5")))
                .isZero();
        assertThat(RoadefEngineSolver.capacityPrice(RoadefTestData.load("a1_1")))
                .isZero();
    }

    @Test
    void firstPhasesStartTenTimesHotterWhereCapacityStaysStrict() {
        assertThat(RoadefEngineSolver.firstTemperature(
                        RoadefEngineSolver.capacityPrice(RoadefTestData.load("a2_5")), 787_355L))
                .isEqualTo(7_873_550L);
        assertThat(RoadefEngineSolver.firstTemperature(
                        RoadefEngineSolver.capacityPrice(RoadefTestData.load("a2_2")), 1_876_768L))
                .as("relaxed: the walk crosses through overfull nodes instead")
                .isEqualTo(1_876_768L);
    }

    @Test
    @Tag("slow") // the ROADEF solvers stop on the clock only
    void engineKeepsTheTinyOptimumAndUsesTwoRuns() {
        RoadefInstance in = RoadefTestData.tiny();
        int[] solution = new RoadefEngineSolver(Clock.systemUTC(), 2).solve(in, Duration.ofMillis(600), 4);
        // every move costs more than the 70 of balance it could save (RoadefLocalSearchTest)
        assertThat(solution).containsExactly(0, 1, 0, 2, 1);
    }
}
