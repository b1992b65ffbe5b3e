package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefTestData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the annealing phases of one solve hand on to each other: the starting temperature and the look-alike lists. */
class AnnealingSharedTest {

    @Test
    void aPhaseThatNeverBeatItsStartHandsATenthOfItsTemperatureToTheNext() {
        AnnealingShared shared = new AnnealingShared(583_662L, AnnealingPhase.SIMILAR_SHARE);
        long first = shared.take(true);
        assertThat(first).isEqualTo(583_662L);
        assertThat(shared.take(false)).as("after a phase that improved").isEqualTo(583_662L);
        shared.failed(first);
        assertThat(shared.take(false)).isEqualTo(58_366L);
        shared.failed(58_366L);
        assertThat(shared.take(false)).isEqualTo(5_836L);
        assertThat(shared.take(true))
                .as("a first phase starts over, should the configuration be solved again")
                .isEqualTo(583_662L);
    }

    @Test
    void aFirstPhaseMayStartHotterThanTheLaterOnesAndAFailureCoolsTheCoolerOfThem() {
        AnnealingShared shared = new AnnealingShared(10_000L, 1_000L, AnnealingPhase.SIMILAR_SHARE, 0.0);
        assertThat(shared.take(true)).isEqualTo(10_000L);
        assertThat(shared.take(false)).isEqualTo(1_000L);
        shared.take(true);
        shared.failed(10_000L);
        assertThat(shared.take(false))
                .as("a tenth of the later phases' temperature, not of the first's")
                .isEqualTo(100L);
        shared.failed(100L);
        assertThat(shared.take(false)).isEqualTo(10L);
    }

    @Test
    void theTemperatureStaysPositive() {
        AnnealingShared shared = new AnnealingShared(0L, AnnealingPhase.SIMILAR_SHARE);
        assertThat(shared.take(true)).isEqualTo(1L);
        shared.failed(1L);
        assertThat(shared.take(false)).isEqualTo(1L);
    }

    @Test
    void theLookAlikeListsAreBuiltOncePerProblem() {
        RoadefInstance in = RoadefTestData.load("a1_1");
        PlacementSolution one = RoadefMapper.toPlacement(in, in.initialAssignment());
        AnnealingShared shared = new AnnealingShared(1_000L, AnnealingPhase.SIMILAR_SHARE);
        Workload[] workloads = one.getWorkloads().toArray(Workload[]::new);
        Node[] nodes = one.getNodes().toArray(Node[]::new);
        int[][] first = shared.similar(workloads, nodes, new SplittableRandom(1));
        assertThat(shared.similar(workloads.clone(), nodes.clone(), new SplittableRandom(2)))
                .as("the next phase, same workloads and nodes")
                .isSameAs(first);

        // the same configuration solving the same instance again: equal ids, other objects
        PlacementSolution again = RoadefMapper.toPlacement(in, in.initialAssignment());
        int[][] fresh = shared.similar(
                again.getWorkloads().toArray(Workload[]::new),
                again.getNodes().toArray(Node[]::new),
                new SplittableRandom(1));
        assertThat(fresh).isNotSameAs(first).isDeepEqualTo(first);
    }

    @Test
    void aSolveWithoutLookAlikeSwapsBuildsNoLists() {
        RoadefInstance in = RoadefTestData.load("a1_1");
        PlacementSolution one = RoadefMapper.toPlacement(in, in.initialAssignment());
        Workload[] workloads = one.getWorkloads().toArray(Workload[]::new);
        int[][] lists = new AnnealingShared(1_000L, 0.0)
                .similar(workloads, one.getNodes().toArray(Node[]::new), new SplittableRandom(1));
        assertThat(lists).isDeepEqualTo(new int[workloads.length][0]);
    }

    @Test
    void theCapacityPriceRisesWhileTheWalkIsOverfullMoreThanItsTargetAndFallsOtherwise() {
        CapacityRelaxation r = new CapacityRelaxation(10.0);
        double start = r.price;
        r.penalty = 5L;
        for (int i = 0; i < CapacityRelaxation.WINDOW; i++) {
            r.observe(0.0);
        }
        assertThat(r.price).as("always overfull, target 10 %").isGreaterThan(start);
        assertThat(r.overfullMoves).isEqualTo(CapacityRelaxation.WINDOW);
        double high = r.price;
        r.penalty = 0L;
        for (int i = 0; i < CapacityRelaxation.WINDOW; i++) {
            r.observe(0.5);
        }
        assertThat(r.price).as("never overfull").isLessThan(high);

        // near the end of the phase the target is 0: one overfull move in a window raises the price
        double before = r.price;
        r.penalty = 1L;
        r.observe(0.95);
        r.penalty = 0L;
        for (int i = 1; i < CapacityRelaxation.WINDOW; i++) {
            r.observe(0.95);
        }
        assertThat(r.price).isGreaterThan(before);
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new AnnealingShared(1_000L, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnnealingShared(1_000L, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
