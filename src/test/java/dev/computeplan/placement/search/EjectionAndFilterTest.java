package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import dev.computeplan.placement.solver.PlacementIncrementalScore;
import dev.computeplan.roadef.RoadefInstance;
import dev.computeplan.roadef.RoadefMapper;
import dev.computeplan.roadef.RoadefTestData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The annealing's move filters on ROADEF a2_2 (transient resources, anti-affinity, a full cluster): a filtered move
 * really breaks a hard rule (ejections are checked under FULL_ASSERT in {@code AnnealingPhaseTest}).
 */
class EjectionAndFilterTest {

    private static PlacementSolution a2_2() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        return RoadefMapper.toPlacement(in, in.initialAssignment());
    }

    @Test
    void aFilteredMoveBreaksAHardRuleAndAnUnfilteredOneOfTheThreeRulesDoesNot() {
        PlacementSolution s = a2_2();
        PlacementIncrementalScore score = new PlacementIncrementalScore();
        score.resetWorkingSolution(s);
        assertThat(score.calculateScore().hardScore()).isZero();
        List<Workload> workloads = s.getWorkloads();
        List<Node> nodes = s.getNodes();
        SplittableRandom random = new SplittableRandom(7);
        int filtered = 0;
        int kept = 0;
        for (int i = 0; i < 5_000; i++) {
            if (random.nextBoolean()) {
                Workload w = workloads.get(random.nextInt(workloads.size()));
                Node from = w.getNode();
                Node to = nodes.get(random.nextInt(nodes.size()));
                boolean skip = score.fit().breaksFeasibleShift(w, to);
                move(score, w, to);
                long localHard = localHard(score);
                if (skip) {
                    filtered++;
                    assertThat(score.calculateScore().hardScore())
                            .as("filtered %s -> %s", w, to)
                            .isNegative();
                } else if (to != from) {
                    kept++;
                    assertThat(localHard).as("kept %s -> %s", w, to).isZero();
                }
                if (score.calculateScore().hardScore() < 0) {
                    move(score, w, from);
                }
            } else {
                Workload a = workloads.get(random.nextInt(workloads.size()));
                Workload b = workloads.get(random.nextInt(workloads.size()));
                Node na = a.getNode();
                Node nb = b.getNode();
                boolean skip = score.fit().breaksFeasibleSwap(a, b);
                move(score, a, nb);
                move(score, b, na);
                if (skip) {
                    filtered++;
                    assertThat(score.calculateScore().hardScore())
                            .as("filtered swap %s %s", a, b)
                            .isNegative();
                } else if (na != nb) {
                    kept++;
                    assertThat(localHard(score)).as("kept swap %s %s", a, b).isZero();
                }
                if (score.calculateScore().hardScore() < 0) {
                    move(score, a, na);
                    move(score, b, nb);
                }
            }
            assertThat(score.calculateScore().hardScore()).isZero();
        }
        // a2_2 is full: most random moves break something, and some do not
        assertThat(filtered).isGreaterThan(1_000);
        assertThat(kept).isGreaterThan(50);
    }

    private static long localHard(PlacementIncrementalScore score) {
        return score.amount(PlacementConstraintProvider.NODE_CAPACITY)
                + score.amount(PlacementConstraintProvider.TRANSIENT_CAPACITY)
                + score.amount(PlacementConstraintProvider.ANTI_AFFINITY);
    }

    private static void move(PlacementIncrementalScore score, Workload w, Node to) {
        score.beforeVariableChanged(w, "node");
        w.setNode(to);
        score.afterVariableChanged(w, "node");
    }
}
