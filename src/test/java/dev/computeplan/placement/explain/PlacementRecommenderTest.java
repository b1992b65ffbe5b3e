package dev.computeplan.placement.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Recommendations on a hand-made placement of the small example (no solving: the outcome is fixed). */
class PlacementRecommenderTest {

    private final PlacementRecommender recommender = new PlacementRecommender(PlacementSolver.solutionManager());

    /** train-a fills a100-1 and a100-2, finetune-0 takes one GPU of a100-3, a notebook on v100-1; the rest pending (feasible). */
    private static PlacementSolution handMade() {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        PlacementSolution s = PlacementMapper.toDomain(req, null);
        Map<String, Node> nodes = s.getNodes().stream().collect(Collectors.toMap(Node::getId, Function.identity()));
        Map<String, Workload> w =
                s.getWorkloads().stream().collect(Collectors.toMap(Workload::getId, Function.identity()));
        s.getWorkloads().forEach(x -> x.setNode(null));
        w.get("train-a-0").setNode(nodes.get("a100-1"));
        w.get("train-a-1").setNode(nodes.get("a100-1"));
        w.get("train-a-2").setNode(nodes.get("a100-2"));
        w.get("train-a-3").setNode(nodes.get("a100-2"));
        w.get("finetune-0").setNode(nodes.get("a100-3"));
        w.get("notebook-1").setNode(nodes.get("v100-1"));
        // it runs on a cordoned node and nothing of higher priority takes its place: evicting it would be unjustified
        w.get("notebook-2").setNode(nodes.get("t4-1"));
        return s;
    }

    @Test
    void aPendingGangMemberGetsItsGangsAdviceInTheSummary() {
        PlacementSolution s = PlacementMapper.toDomain(PlacementExamples.load("placement-gang-preemption.json"), null);

        PlacementRecommendation rec = recommender.recommend(s, "pretrain-0", 3).orElseThrow();

        assertThat(rec.gang()).isNotNull();
        assertThat(rec.gang().blockingRule()).isEqualTo("capacity");
        assertThat(rec.summary()).contains("Gang pretrain (2 members, 16 GPUs, in one rack) is pending");
        assertThat(rec.summary()).doesNotContain("null");
        assertThat(recommender.recommend(s, "notebook-0-0-0", 3).orElseThrow().gang())
                .isNull();
    }

    @Test
    void aWorkloadThatFitsNowhereGetsTheRulingConstraintPerNodeType() {
        PlacementSolution s = handMade();
        PlacementRecommendation rec = recommender.recommend(s, "batch-0", 50).orElseThrow();

        assertThat(rec.assignedNode()).isNull();
        assertThat(rec.feasibleNodes()).isZero();
        assertThat(rec.options()).hasSize(s.getNodes().size()).allMatch(o -> !o.feasible());
        Map<String, PlacementRecommendation.RuledOut> byType = rec.ruledOutByNodeType().stream()
                .collect(Collectors.toMap(PlacementRecommendation.RuledOut::nodeType, Function.identity()));
        // 8 GPUs needed: the full A100 nodes and the 4-GPU nodes lack GPUs; the failed node also breaks nodeState.
        assertThat(byType.get("8xA100 active").nodes()).isEqualTo(3);
        assertThat(byType.get("8xA100 active").constraints()).containsKey(PlacementConstraintProvider.GPU_CAPACITY);
        assertThat(byType.get("4xV100M16 failed").constraints())
                .containsKeys(PlacementConstraintProvider.NODE_STATE, PlacementConstraintProvider.GPU_CAPACITY);
        assertThat(byType.get("no GPU active").constraints())
                .containsOnlyKeys(PlacementConstraintProvider.GPU_CAPACITY);
        PlacementRecommendation.Option onFailed = rec.options().stream()
                .filter(o -> o.node().equals("v100-2"))
                .findFirst()
                .orElseThrow();
        assertThat(onFailed.blockedBy().get(PlacementConstraintProvider.NODE_STATE))
                .containsExactly("Workload batch-0 is on node v100-2, which is failed");
        assertThat(rec.summary()).contains("fits on no node");
        // The solution is left as it was.
        assertThat(s.getWorkloads().stream()
                        .filter(x -> x.getId().equals("batch-0"))
                        .findFirst()
                        .orElseThrow()
                        .getNode())
                .isNull();
    }

    @Test
    void aWorkloadThatFitsGetsFeasibleNodesBestFirst() {
        PlacementSolution s = handMade();
        PlacementRecommendation rec = recommender.recommend(s, "notebook-0", 3).orElseThrow();

        assertThat(rec.feasibleNodes()).isPositive();
        assertThat(rec.options()).hasSize(3);
        assertThat(rec.options().get(0).feasible()).isTrue();
        assertThat(rec.options().get(0).blockedBy()).isEmpty();
        // Best first: scores never improve down the list.
        var scores = rec.options().stream()
                .map(o ->
                        ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                                o.score()))
                .toList();
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i - 1)).isGreaterThanOrEqualTo(scores.get(i));
        }
        assertThat(recommender.recommend(s, "no-such-workload", 3)).isEmpty();
    }

    /**
     * Two GPU classes, fragmentation equal everywhere: the ranking follows gpuClassBalance. One probe (1 GPU,
     * popularity 1), so P = 1. 2xT4 already uses 1000 of 4000: one more GPU costs 1 x (2000^2 - 1000^2) / 4000 = 750;
     * 2xP100 is empty: 1 x 1000^2 / 4000 = 250. The P100 nodes come first, 500 better.
     */
    @Test
    void nodesAreRankedByTheEngineScoreIncludingGpuClassBalance() {
        var cpu = new dev.computeplan.placement.domain.Resource(0, "cpu", false, 0);
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        String[] ids = {"t4-1", "t4-2", "p100-1", "p100-2"};
        for (int i = 0; i < ids.length; i++) {
            nodes.add(
                    new Node(i, ids[i], new long[] {10}, new long[] {10}, "z", "d").withGpus(2, i < 2 ? "T4" : "P100"));
        }
        Workload running = new Workload("running", new long[] {1}, null, null, 0)
                .withGpus(1, 0)
                .withNode(nodes.get(0));
        Workload pending = new Workload("pending", new long[] {1}, null, null, 0).withGpus(1, 0);
        var probe = new dev.computeplan.placement.domain.FragmentationProbe("one", new long[] {1}, 1, 0, 1);
        PlacementSolution s = new PlacementSolution(
                java.util.List.of(cpu),
                nodes,
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(probe),
                java.util.List.of(),
                java.util.List.of(running, pending));

        PlacementRecommendation rec = recommender.recommend(s, "pending", 4).orElseThrow();

        assertThat(rec.options())
                .extracting(PlacementRecommendation.Option::node)
                .hasSize(4)
                .startsWith("p100-1", "p100-2")
                .contains("t4-1", "t4-2");
        var best = ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                rec.options().get(0).scoreDiff());
        var last = ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                rec.options().get(3).scoreDiff());
        // Placing also removes the unassigned penalty (medium); the soft parts differ by the class balance alone.
        assertThat(best.softScore()).isEqualTo(-250);
        assertThat(last.softScore()).isEqualTo(-750);
    }

    /**
     * A balance on the undeclared gpu resource, 10 milli-CPU per free milli-GPU, weight 1, no probes: a 1-GPU,
     * 30-core workload on the 40-core node leaves 7 free GPUs with 10 cores (10 x 7,000 - 10,000 = 60,000, was
     * 40,000: +20,000); on the 96-core node 10 x 7,000 - 66,000 = 4,000 (was 0: +4,000). The CPU-rich node first.
     */
    @Test
    void aGpuBalanceRanksTheNodeThatKeepsCpuForItsFreeGpusFirst() {
        var req = new dev.computeplan.placement.api.PlacementRequest(
                null,
                java.util.List.of(gpuNode("lean", 40_000), gpuNode("rich", 96_000)),
                null,
                null,
                null,
                java.util.List.of(new dev.computeplan.placement.api.PlacementRequest.WorkloadDto(
                        "job",
                        java.util.Map.of("cpu", 30_000L),
                        1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)),
                java.util.List.of(new dev.computeplan.placement.api.PlacementRequest.BalanceDto(
                        "cpu-per-gpu", "gpu", "cpu", 10L, 1L)),
                null,
                null,
                null,
                null,
                null);
        PlacementSolution s = dev.computeplan.placement.api.PlacementMapper.toDomain(req, null);

        PlacementRecommendation rec = recommender.recommend(s, "job", 2).orElseThrow();

        assertThat(rec.options())
                .extracting(PlacementRecommendation.Option::node)
                .containsExactly("rich", "lean");
        assertThat(rec.options())
                .extracting(o ->
                        ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore.parseScore(
                                        o.scoreDiff())
                                .softScore())
                .containsExactly(-4_000L, -20_000L);
    }

    private static dev.computeplan.placement.api.PlacementRequest.NodeDto gpuNode(String id, long cpu) {
        return new dev.computeplan.placement.api.PlacementRequest.NodeDto(
                id, java.util.Map.of("cpu", cpu), null, "z", null, null, 8, "A100", null, null);
    }
}
