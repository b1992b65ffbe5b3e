package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.PlacementSolverConfig;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefScorer;
import dev.computeplan.roadef.RoadefTestData;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The annealing loop moves workloads on its own copy of the incremental score and replays the best through
 * Timefold: under FULL_ASSERT Timefold re-checks that replay against the constraint provider, and the answer's
 * cost must be the exact ROADEF cost.
 */
class AnnealingPhaseTest {

    @Test
    @Tag("slow")
    void theBestOfTheLoopIsReplayedExactlyImprovesOnTheInitialAssignmentAndIsReproducible() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        long initial = RoadefTestData.originalCost("a2_2");
        PlacementSolution s = RoadefMapper.toPlacement(in, in.initialAssignment());
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(PlacementSolverConfig.scoreDirector(EnvironmentMode.FULL_ASSERT))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig()
                        .withCustomPhaseCommands(
                                new AnnealingPhase(Duration.ofSeconds(2), initial / 1000, 5L, 0.4, 0.15)
                                        .withStepLimit(100_000)));

        PlacementSolution best =
                SolverFactory.<PlacementSolution>create(config).buildSolver().solve(s);
        PlacementSolution again = SolverFactory.<PlacementSolution>create(config)
                .buildSolver()
                .solve(RoadefMapper.toPlacement(in, in.initialAssignment()));

        assertThat(best.getScore().hardScore()).isZero();
        long exact = RoadefScorer.score(in, RoadefMapper.toAssignment(best)).total();
        assertThat(-best.getScore().softScore()).isEqualTo(exact).isLessThan(initial);
        assertThat(PlacementSolver.solutionManager().update(best)).isEqualTo(best.getScore());
        // a step limit makes the answer independent of the machine's speed
        assertThat(again.getScore()).isEqualTo(best.getScore());
    }

    @Test
    @Tag("slow")
    void aWalkThatMayOverfillCapacityStillAnswersWithAFeasibleExactlyScoredSolution() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        long initial = RoadefTestData.originalCost("a2_2");
        AnnealingShared relaxed = new AnnealingShared(initial / 1000, AnnealingPhase.SIMILAR_SHARE, 10.0);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(PlacementSolverConfig.scoreDirector(EnvironmentMode.FULL_ASSERT))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig()
                        .withCustomPhaseCommands(new AnnealingPhase(Duration.ofSeconds(2), relaxed, true, 5L, 0.4, 0.15)
                                .withStepLimit(100_000)));

        PlacementSolution best = SolverFactory.<PlacementSolution>create(config)
                .buildSolver()
                .solve(RoadefMapper.toPlacement(in, in.initialAssignment()));

        assertThat(relaxed.overfullMoves())
                .as("the walk went through overfull nodes")
                .isPositive();
        assertThat(best.getScore().hardScore()).isZero();
        assertThat(RoadefScorer.score(in, RoadefMapper.toAssignment(best)).feasible())
                .isTrue();
        long exact = RoadefScorer.score(in, RoadefMapper.toAssignment(best)).total();
        assertThat(-best.getScore().softScore()).isEqualTo(exact).isLessThan(initial);
        assertThat(PlacementSolver.solutionManager().update(best)).isEqualTo(best.getScore());
    }

    @Test
    void aLaterPhaseOfTheSameSolveKeepsCapacityStrict() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        long initial = RoadefTestData.originalCost("a2_2");
        AnnealingShared relaxed = new AnnealingShared(initial / 1000, AnnealingPhase.SIMILAR_SHARE, 10.0);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(PlacementSolverConfig.scoreDirector(EnvironmentMode.REPRODUCIBLE))
                .withPhases(new CustomPhaseConfig()
                        .withCustomPhaseCommands(
                                new AnnealingPhase(Duration.ofSeconds(2), relaxed, false, 5L, 0.4, 0.15)
                                        .withStepLimit(100_000)));

        PlacementSolution best = SolverFactory.<PlacementSolution>create(config)
                .buildSolver()
                .solve(RoadefMapper.toPlacement(in, in.initialAssignment()));

        assertThat(relaxed.overfullMoves()).isZero();
        assertThat(RoadefScorer.score(in, RoadefMapper.toAssignment(best)).feasible())
                .isTrue();
    }
}
