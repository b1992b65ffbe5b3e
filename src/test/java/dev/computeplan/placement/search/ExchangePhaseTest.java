package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementSolverConfig;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefScorer;
import dev.computeplan.roadef.RoadefTestData;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Parallel runs meet between their searches and all go on from the best answer. */
class ExchangePhaseTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    private static ExchangePhase.Exchange.Offer offer(long soft, int... nodes) {
        return new ExchangePhase.Exchange.Offer(HardMediumSoftLongScore.of(0, 0, soft), nodes, 3);
    }

    @Test
    void everyRunLeavesWithTheBestOffer() throws Exception {
        ExchangePhase.Exchange exchange = new ExchangePhase.Exchange(3, LONG);
        ExchangePhase.Exchange.Offer worse = offer(-30, 0, 1);
        ExchangePhase.Exchange.Offer best = offer(-10, 2, 2);
        ExchangePhase.Exchange.Offer middle = offer(-20, 1, 0);
        var a = CompletableFuture.supplyAsync(() -> exchange.meet(worse, () -> false));
        var b = CompletableFuture.supplyAsync(() -> exchange.meet(best, () -> false));
        var c = CompletableFuture.supplyAsync(() -> exchange.meet(middle, () -> false));
        assertThat(a.get(10, TimeUnit.SECONDS)).isSameAs(best);
        assertThat(b.get(10, TimeUnit.SECONDS)).isSameAs(best);
        assertThat(c.get(10, TimeUnit.SECONDS)).isSameAs(best);
    }

    @Test
    void aRunStopsWaitingWhenItsPatienceRunsOutOrItsSolveEnds() {
        ExchangePhase.Exchange patient = new ExchangePhase.Exchange(2, Duration.ofMillis(100));
        ExchangePhase.Exchange.Offer own = offer(-10, 0, 1);
        long start = System.nanoTime();
        assertThat(patient.meet(own, () -> false)).isSameAs(own);
        assertThat(System.nanoTime() - start)
                .isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());

        ExchangePhase.Exchange stopped = new ExchangePhase.Exchange(2, LONG);
        start = System.nanoTime();
        assertThat(stopped.meet(own, () -> true)).isSameAs(own);
        assertThat(System.nanoTime() - start).isLessThan(LONG.toNanos());
        // the late run still sees the early one's offer, and takes it when it is the better
        assertThat(stopped.meet(offer(-50, 2, 2), () -> false)).isSameAs(own);
        ExchangePhase.Exchange.Offer alone = offer(-5, 1, 1);
        assertThat(new ExchangePhase.Exchange(1, LONG).meet(alone, () -> false))
                .as("a single run")
                .isSameAs(alone);
    }

    @Test
    void anOfferOfAnotherShapeIsNotTaken() throws Exception {
        ExchangePhase.Exchange exchange = new ExchangePhase.Exchange(2, LONG);
        ExchangePhase.Exchange.Offer own = offer(-30, 0, 1);
        ExchangePhase.Exchange.Offer otherShape =
                new ExchangePhase.Exchange.Offer(HardMediumSoftLongScore.of(0, 0, -1), new int[] {0, 1, 2}, 3);
        var other = CompletableFuture.supplyAsync(() -> exchange.meet(otherShape, () -> false));
        assertThat(exchange.meet(own, () -> false)).isSameAs(own);
        assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(otherShape);
    }

    /** Through Timefold, with every step's score re-checked against the constraint streams. */
    @Test
    void theWorseRunTakesTheBetterAssignmentAndItsScoreIsExact() throws Exception {
        RoadefInstance in = RoadefTestData.load("a1_1");
        int[] moved = in.initialAssignment().clone();
        moved[0] = (moved[0] + 1) % in.machineCount();
        moved[7] = (moved[7] + 2) % in.machineCount();
        HardMediumSoftLongScore initialScore =
                ExchangePhase.score(RoadefMapper.toPlacement(in, in.initialAssignment()));
        HardMediumSoftLongScore movedScore = ExchangePhase.score(RoadefMapper.toPlacement(in, moved));
        assertThat(movedScore).isNotEqualTo(initialScore);
        boolean movedWins = movedScore.compareTo(initialScore) > 0;
        int[] better = movedWins ? moved : in.initialAssignment();
        HardMediumSoftLongScore bestScore = movedWins ? movedScore : initialScore;
        // the independent scorer agrees on the start that wins
        assertThat(-initialScore.softScore())
                .isEqualTo(RoadefScorer.score(in, in.initialAssignment()).total());

        ExchangePhase.Exchange exchange = new ExchangePhase.Exchange(2, LONG);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(Workload.class)
                .withScoreDirectorFactory(PlacementSolverConfig.scoreDirector(EnvironmentMode.FULL_ASSERT))
                .withEnvironmentMode(EnvironmentMode.FULL_ASSERT)
                .withPhases(new CustomPhaseConfig().withCustomPhaseCommands(new ExchangePhase(exchange)));
        var initialRun = CompletableFuture.supplyAsync(() -> SolverFactory.<PlacementSolution>create(config)
                .buildSolver()
                .solve(RoadefMapper.toPlacement(in, in.initialAssignment())));
        var movedRun = CompletableFuture.supplyAsync(() -> SolverFactory.<PlacementSolution>create(config)
                .buildSolver()
                .solve(RoadefMapper.toPlacement(in, moved)));
        for (PlacementSolution answer :
                new PlacementSolution[] {initialRun.get(60, TimeUnit.SECONDS), movedRun.get(60, TimeUnit.SECONDS)}) {
            assertThat(RoadefMapper.toAssignment(answer)).containsExactly(better);
            assertThat(answer.getScore()).isEqualTo(bestScore);
            assertThat(ExchangePhase.score(answer)).isEqualTo(bestScore);
        }
    }
}
