package dev.computeplan.placement.explain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Timefold score and the independent checker agree on random (mostly infeasible) placements. GPU demand is
 * kept within each node's GPUs (a workload that would overflow them stays pending), because an overfull node has
 * no GPU layout to report; every other rule is broken at random.
 */
class PlacementCheckerCrossCheckTest {

    @Test
    void scoreAndCheckerAgreeOnRandomPlacements() {
        agreeOnRandomPlacements(PlacementExamples.load("placement-small.json"));
    }

    @Test
    void scoreAndCheckerAgreeWhenTheReservedZoneHasNoActiveGpuNode() {
        agreeOnRandomPlacements(PlacementExamples.smallWithReserveZoneDown());
    }

    @Test
    void scoreAndCheckerAgreeOnKubernetesRules() {
        agreeOnRandomPlacements(PlacementExamples.smallKubernetes());
    }

    private static void agreeOnRandomPlacements(PlacementRequest req) {
        Random random = new Random(7);
        int infeasible = 0;
        for (int round = 0; round < 200; round++) {
            PlacementSolution solution = PlacementMapper.toDomain(req, null);
            java.util.Map<Node, java.util.List<Workload>> gpuWork = new java.util.HashMap<>();
            for (Workload w : solution.getWorkloads()) {
                int pick = random.nextInt(solution.getNodes().size() + 1);
                Node node = pick == solution.getNodes().size()
                        ? null
                        : solution.getNodes().get(pick);
                if (node != null && w.usesGpu()) {
                    java.util.List<Workload> there = gpuWork.computeIfAbsent(node, k -> new java.util.ArrayList<>());
                    there.add(w);
                    if (overflows(node, there)) {
                        there.remove(w);
                        node = null;
                    }
                }
                w.setNode(node);
            }
            HardMediumSoftLongScore score = PlacementSolver.solutionManager().update(solution);
            PlacementChecker.Report report = PlacementChecker.check(req, PlacementMapper.toPlan(solution));
            assertThat(report.feasible())
                    .as("round %d: %s vs %s", round, score, report.violations())
                    .isEqualTo(score.hardScore() == 0);
            assertThat(-score.hardScore()).as("hard, round %d", round).isEqualTo(report.hard());
            assertThat(-score.mediumScore()).as("medium, round %d", round).isEqualTo(report.medium());
            assertThat(-score.softScore()).as("soft, round %d", round).isEqualTo(report.soft());
            infeasible += report.feasible() ? 0 : 1;
        }
        assertThat(infeasible).isPositive();
    }

    @Test
    void aBalanceOnTheGpuChargesFreeGpusThatLackCpu() {
        // 8 GPUs, 96 cores; 2 GPUs and 40 cores used: 10 x 6,000 free milli-GPU - 56,000 free milli-CPU = 4,000.
        PlacementRequest req = new PlacementRequest(
                null,
                java.util.List.of(new PlacementRequest.NodeDto(
                        "n1", java.util.Map.of("cpu", 96_000L), null, "z", null, null, 8, "A100", null, null)),
                null,
                null,
                null,
                java.util.List.of(new PlacementRequest.WorkloadDto(
                        "w1",
                        java.util.Map.of("cpu", 40_000L),
                        2,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "n1",
                        null,
                        null,
                        null)),
                java.util.List.of(new PlacementRequest.BalanceDto("cpu-per-gpu", "gpu", "cpu", 10L, 3L)),
                null,
                null,
                null,
                null,
                null);
        assertThat(PlacementValidator.validate(req)).isEmpty();

        PlacementSolution solution = PlacementMapper.toDomain(req, null);
        HardMediumSoftLongScore score = PlacementSolver.solutionManager().update(solution);
        PlacementChecker.Report report = PlacementChecker.check(req, PlacementMapper.toPlan(solution));

        assertThat(score).isEqualTo(HardMediumSoftLongScore.of(0, 0, -12_000));
        assertThat(report.soft()).isEqualTo(12_000);
    }

    private static boolean overflows(Node node, java.util.List<Workload> on) {
        int whole = on.stream().mapToInt(Workload::getGpus).sum();
        int[] shares = on.stream()
                .filter(w -> w.getGpus() == 0)
                .mapToInt(Workload::getGpuMilli)
                .toArray();
        return dev.computeplan.placement.domain.GpuPacking.pack(node.getGpuCount(), whole, shares)
                        .overflowMilli()
                > 0;
    }
}
