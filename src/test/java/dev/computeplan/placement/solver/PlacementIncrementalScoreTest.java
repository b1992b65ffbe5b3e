package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-kept incremental score equals the constraint provider's score (the reference), on random placements that
 * break every rule, both computed from scratch and after long random walks of single changes.
 */
class PlacementIncrementalScoreTest {

    @Test
    void fromScratchEqualsConstraintStreamsOnRandomPlacements() {
        for (PlacementRequest req : List.of(
                PlacementFullAssertTest.allFeatures(),
                PlacementExamples.load("placement-small.json"),
                PlacementExamples.load("placement-rack-failure.json"),
                PlacementExamples.smallWithReserveZoneDown(),
                PlacementExamples.smallKubernetes())) {
            Random random = new Random(11);
            for (int round = 0; round < 100; round++) {
                PlacementSolution solution = PlacementMapper.toDomain(req, null);
                for (Workload w : solution.getWorkloads()) {
                    w.setNode(randomNode(solution, random));
                }
                PlacementIncrementalScore incremental = new PlacementIncrementalScore();
                incremental.resetWorkingSolution(solution);
                HardMediumSoftLongScore reference =
                        PlacementSolver.solutionManager().update(solution);
                assertSameRules(incremental, solution, "round " + round);
                assertThat(incremental.calculateScore()).as("round %d", round).isEqualTo(reference);
            }
        }
    }

    @Test
    void randomWalkStaysEqualToConstraintStreams() {
        PlacementRequest req = PlacementFullAssertTest.allFeatures();
        Random random = new Random(5);
        PlacementSolution solution = PlacementMapper.toDomain(req, null);
        PlacementIncrementalScore incremental = new PlacementIncrementalScore();
        incremental.resetWorkingSolution(solution);
        List<Workload> workloads = solution.getWorkloads();
        int hardSeen = 0;
        for (int step = 1; step <= 3_000; step++) {
            Workload w = workloads.get(random.nextInt(workloads.size()));
            incremental.beforeVariableChanged(w, "node");
            w.setNode(randomNode(solution, random));
            incremental.afterVariableChanged(w, "node");
            if (step % 25 == 0) {
                HardMediumSoftLongScore reference =
                        PlacementSolver.solutionManager().update(solution);
                assertThat(incremental.calculateScore()).as("step %d", step).isEqualTo(reference);
                hardSeen += reference.hardScore() < 0 ? 1 : 0;
            }
        }
        assertThat(hardSeen).as("the walk visits infeasible placements").isPositive();
    }

    /** Rule by rule, the constraint totals of the reference (with default weights) equal the running amounts. */
    private static void assertSameRules(
            PlacementIncrementalScore incremental, PlacementSolution solution, String where) {
        var totals = PlacementSolver.solutionManager().explain(solution).getConstraintMatchTotalMap();
        for (String name : dev.computeplan.placement.solver.PlacementConstraintProvider.NAMES) {
            var total = totals.values().stream()
                    .filter(t -> t.getConstraintRef().constraintName().equals(name))
                    .findFirst();
            if (total.isEmpty()) {
                continue;
            }
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) total.get().getScore();
            HardMediumSoftLongScore w = (HardMediumSoftLongScore) total.get().getConstraintWeight();
            // the match total's weight carries the penalty's sign
            long units = w.hardScore() != 0
                    ? s.hardScore() / w.hardScore()
                    : w.mediumScore() != 0 ? s.mediumScore() / w.mediumScore() : s.softScore() / w.softScore();
            assertThat(incremental.amount(name)).as("%s, %s", name, where).isEqualTo(units);
        }
    }

    private static Node randomNode(PlacementSolution solution, Random random) {
        int pick = random.nextInt(solution.getNodes().size() + 1);
        return pick == solution.getNodes().size() ? null : solution.getNodes().get(pick);
    }
}
