package dev.computeplan.placement.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementRecommendation;
import dev.computeplan.placement.explain.PlacementRecommender;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The online decision scores with the engine's hand-kept incremental score, for speed. Here every decision on a
 * small cluster with fragmentation probes, balance objectives and GPU types is checked against Timefold's
 * recommendation on the same state (constraint streams, the reference statement of the rules): the chosen node
 * has the best score difference among the feasible nodes, equal to the decision's own, and a workload is pending
 * only when no node is feasible. Whole GPUs only: for shares the decision also needs room on the node's actual GPU
 * layout, which the engine's re-packing does not see.
 */
class OnlineDecisionMatchesRecommendationTest {

    @Test
    void eachDecisionIsTheRecommendationsBest() {
        List<PlacementRequest.NodeDto> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(node("g" + i, 96_000, 393_216, 8, "G2"));
            nodes.add(node("t" + i, 104_000, 524_288, 2, "T4"));
            nodes.add(node("p" + i, 16_000, 122_880, 2, "P100"));
        }
        List<PlacementRequest.ProbeDto> probes = List.of(
                new PlacementRequest.ProbeDto("one", Map.of("cpu", 12_000L, "memory", 16_384L), 1, 0, 5_000L),
                new PlacementRequest.ProbeDto("two", Map.of("cpu", 24_000L, "memory", 65_536L), 2, 0, 3_000L),
                new PlacementRequest.ProbeDto(
                        "eight", Map.of("cpu", 64_000L, "memory", 262_144L), 8, 0, 2_000L, List.of("G2")));
        List<PlacementRequest.BalanceDto> balances = List.of(
                new PlacementRequest.BalanceDto("cpu-per-gpu", "gpu", "cpu", 12L, 800L),
                new PlacementRequest.BalanceDto("memory-per-gpu", "gpu", "memory", 30L, 300L));
        PlacementRequest state = new PlacementRequest(
                null, nodes, null, null, null, List.of(), balances, probes, null, null, null, null);
        LiveCluster cluster = new LiveCluster(new ClusterSnapshot(state, Map.of()), 0, new OnlinePolicy());
        PlacementRecommender recommender = new PlacementRecommender(PlacementSolver.solutionManager());

        Random random = new Random(11);
        long[][] shapes = {
            {12_000, 16_384, 1},
            {6_000, 32_768, 1},
            {24_000, 65_536, 2},
            {40_000, 131_072, 4},
            {4_000, 8_192, 1},
            {30_000, 98_304, 1},
            {64_000, 262_144, 8}
        };
        List<List<String>> types = List.of(List.of(), List.of(), List.of("T4"), List.of("G2", "P100"));
        int placed = 0;
        int pending = 0;
        for (int i = 0; i < 60; i++) {
            long[] s = shapes[random.nextInt(shapes.length)];
            PlacementRequest.WorkloadDto w = new PlacementRequest.WorkloadDto(
                    "w" + i,
                    Map.of("cpu", s[0], "memory", s[1]),
                    (int) s[2],
                    0,
                    types.get(random.nextInt(types.size())),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            List<PlacementRecommendation.Option> feasible = feasibleOptions(cluster, w, recommender);
            DecisionView v = cluster.decide(new DecisionRequest(List.of(w), null, false, null))
                    .view();
            if (v.status() == DecisionView.Status.PENDING) {
                assertThat(feasible)
                        .as("%s pending while a node is feasible", w.id())
                        .isEmpty();
                pending++;
                continue;
            }
            String node = v.placements().get(0).node();
            HardMediumSoftLongScore best = feasible.stream()
                    .map(o -> HardMediumSoftLongScore.parseScore(o.scoreDiff()))
                    .max(HardMediumSoftLongScore::compareTo)
                    .orElseThrow();
            PlacementRecommendation.Option mine = feasible.stream()
                    .filter(o -> o.node().equals(node))
                    .findFirst()
                    .orElseThrow();
            assertThat(HardMediumSoftLongScore.parseScore(mine.scoreDiff()))
                    .as("%s on %s", w.id(), node)
                    .isEqualTo(best);
            assertThat(HardMediumSoftLongScore.parseScore(v.scoreDiff())).isEqualTo(best);
            placed++;
        }
        assertThat(placed).isGreaterThan(20);
        assertThat(pending).isPositive();
    }

    private static List<PlacementRecommendation.Option> feasibleOptions(
            LiveCluster cluster, PlacementRequest.WorkloadDto arriving, PlacementRecommender recommender) {
        PlacementRequest now = cluster.snapshot().state();
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>(now.workloads());
        workloads.add(arriving);
        PlacementRequest withArrival = new PlacementRequest(
                now.resources(),
                now.nodes(),
                now.racks(),
                now.services(),
                now.gangs(),
                workloads,
                now.balanceObjectives(),
                now.fragmentationProbes(),
                now.spareReserves(),
                now.moveCosts(),
                now.weights(),
                null);
        PlacementSolution solution = PlacementMapper.toDomain(withArrival, null);
        PlacementRecommendation rec = recommender
                .recommend(solution, arriving.id(), now.nodes().size())
                .orElseThrow();
        return rec.options().stream()
                .filter(PlacementRecommendation.Option::feasible)
                .toList();
    }

    private static PlacementRequest.NodeDto node(String id, long cpu, long memory, int gpus, String type) {
        return new PlacementRequest.NodeDto(
                id, Map.of("cpu", cpu, "memory", memory), null, "z", null, null, gpus, type, null, null);
    }
}
