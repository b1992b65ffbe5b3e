package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whatever a solver returns, only a feasible assignment no worse than the initial one gets through. */
class RoadefSolveRunTest {

    private final RoadefInstance tiny = RoadefTestData.tiny();

    @Test
    void keepsInitialAssignmentWhenTheSolverAnswerIsInfeasible() {
        RoadefSolveRun.Result result =
                RoadefSolveRun.run((in, limit, seed) -> new int[] {0, 1, 0, 2, 2}, tiny, Duration.ofSeconds(1), 0);
        assertThat(result.assignment()).containsExactly(0, 1, 0, 2, 1);
        assertThat(result.score().total()).isEqualTo(70);
        assertThat(result.note()).contains("infeasible").contains("conflict");
    }

    @Test
    void keepsInitialAssignmentWhenTheSolverFailsOrReturnsGarbage() {
        assertThat(RoadefSolveRun.run(
                                (in, limit, seed) -> {
                                    throw new IllegalStateException("boom");
                                },
                                tiny,
                                Duration.ofSeconds(1),
                                0)
                        .note())
                .contains("boom");
        assertThat(RoadefSolveRun.run(
                                (in, limit, seed) -> {
                                    throw new IllegalStateException(
                                            "run failed", new IllegalArgumentException("the reason"));
                                },
                                tiny,
                                Duration.ofSeconds(1),
                                0)
                        .note())
                .as("the cause is named")
                .contains("run failed", "the reason");
        assertThat(RoadefSolveRun.run((in, limit, seed) -> new int[] {0, -1, 0, 2, 1}, tiny, Duration.ofSeconds(1), 0)
                        .assignment())
                .containsExactly(0, 1, 0, 2, 1);
        assertThat(RoadefSolveRun.run((in, limit, seed) -> null, tiny, Duration.ofSeconds(1), 0)
                        .score()
                        .feasible())
                .isTrue();
    }

    @Test
    void keepsInitialAssignmentWhenTheAnswerCostsMore() {
        // 1209 > 70 (RoadefScorerTest)
        RoadefSolveRun.Result result =
                RoadefSolveRun.run((in, limit, seed) -> new int[] {0, 1, 1, 2, 1}, tiny, Duration.ofSeconds(1), 0);
        assertThat(result.score().total()).isEqualTo(70);
    }

    @Test
    void keepsAFeasibleBetterAnswer() {
        RoadefInstance a11 = RoadefTestData.load("a1_1");
        int[] better = RoadefJobSolverTest.stepLimited(1, 1_000).solve(a11, Duration.ofSeconds(120), 2);
        RoadefSolveRun.Result result = RoadefSolveRun.run((in, limit, seed) -> better, a11, Duration.ofSeconds(1), 0);
        assertThat(result.note()).isEmpty();
        assertThat(result.assignment()).containsExactly(better);
        assertThat(result.score().total()).isLessThan(result.initialScore().total());
    }
}
