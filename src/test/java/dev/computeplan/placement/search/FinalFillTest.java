package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.MaxSizeRequest;
import dev.computeplan.placement.PendingPlaceability;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.explain.PlacementChecker;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The final fill on a small instance of the maximum-size mix (racks with power caps, zones with spare reserves,
 * GPU types, gangs of each topology, fractional shares, spread and dependent services, running and new work).
 */
class FinalFillTest {

    private final PlacementRequest req = MaxSizeRequest.create(7L, 80, 1_200);

    @Test
    void itPlacesEveryPendingWorkloadThatFitsAndBreaksNoHardRule() {
        PlacementSolution solution = PlacementMapper.toDomain(req, null);
        long pendingBefore = pending(solution);

        HardMediumSoftLongScore score = FinalFill.apply(solution, () -> false);

        PlacementSolver.solutionManager().update(solution);
        assertThat(score).isEqualTo(solution.getScore());
        PlacementPlan plan = PlacementMapper.toPlan(solution);
        assertThat(PlacementChecker.check(req, plan).violations()).isEmpty();
        assertThat(plan.summary().pending()).isPositive().isLessThan((int) pendingBefore);
        assertThat(PendingPlaceability.placeable(req, plan)).isEmpty();
    }

    @Test
    @Tag("slow")
    void onAClusterOfThousandsOfNodesItPlacesDependentWorkWhereItsDependencyRuns() {
        // Best-fit alone would offer a dependent workload many nodes outside its dependency's network domains first,
        // each refused by the score: the counters must know where each service runs.
        PlacementRequest large = MaxSizeRequest.create(1L);
        PlacementSolution solution = PlacementMapper.toDomain(large, null);

        FinalFill.apply(solution, () -> false);

        PlacementPlan plan = PlacementMapper.toPlan(solution);
        assertThat(PendingPlaceability.placeable(large, plan))
                .as("with a node each: %s", PendingPlaceability.firstFit(large, plan))
                .isEmpty();
    }

    @Test
    void itMovesNothingThatWasPlacedAndGivesTheSameAnswerEachTime() {
        PlacementSolution first = PlacementMapper.toDomain(req, null);
        List<String> placedBefore = nodes(first);
        FinalFill.apply(first, () -> false);
        PlacementSolution second = PlacementMapper.toDomain(req, null);
        FinalFill.apply(second, () -> false);

        List<String> after = nodes(first);
        for (int i = 0; i < placedBefore.size(); i++) {
            if (placedBefore.get(i) != null) {
                assertThat(after.get(i)).isEqualTo(placedBefore.get(i));
            }
        }
        assertThat(nodes(second)).isEqualTo(after);
    }

    @Test
    void aStopRequestedBeforeItStartsLeavesThePlanAsItWas() {
        PlacementSolution solution = PlacementMapper.toDomain(req, null);
        List<String> before = nodes(solution);

        FinalFill.apply(solution, () -> true);

        assertThat(nodes(solution)).isEqualTo(before);
    }

    private static long pending(PlacementSolution s) {
        return s.getWorkloads().stream().filter(w -> !w.isAssigned()).count();
    }

    private static List<String> nodes(PlacementSolution s) {
        return s.getWorkloads().stream()
                .map(Workload::getNode)
                .map(n -> n == null ? null : n.getId())
                .toList();
    }
}
