package dev.computeplan.placement.api.cluster;

import static dev.computeplan.placement.api.cluster.ClusterFixtures.cluster;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.decide;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.node;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.ofService;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.typed;
import static dev.computeplan.placement.api.cluster.ClusterFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Online decisions and events on small clusters whose right answers are worked out by hand. */
class LiveClusterTest {

    private static LiveCluster live(PlacementRequest state) {
        return new LiveCluster(new ClusterSnapshot(state, Map.of()), 0, new OnlinePolicy());
    }

    private static DecisionView.PlacementView only(DecisionView v) {
        assertThat(v.status()).isEqualTo(DecisionView.Status.PLACED);
        return v.placements().get(0);
    }

    @Test
    void aWorkloadGoesToTheFirstNodeItFitsWhenNoObjectiveTellsNodesApartAndTakesTheLowestFreeGpus() {
        LiveCluster c = live(cluster(List.of(workload("r", 2, 0, null, "a")), null, null));
        DecisionView v = c.decide(decide(workload("w", 3, 0, null, null))).view();
        assertThat(only(v).node()).isEqualTo("a");
        assertThat(only(v).gpus()).containsExactly(2, 3, 4); // r holds 0 and 1
        assertThat(v.bound()).isTrue();
        assertThat(v.version()).isEqualTo(1);
        assertThat(c.snapshot().gpuIndices()).containsEntry("w", List.of(2, 3, 4));
    }

    @Test
    void aGpuTypeRestrictionIsKeptAndABoundDecisionTakesItsGpus() {
        LiveCluster c = live(cluster(List.of(), null, null));
        assertThat(only(c.decide(decide(typed("t1", 3, "T4"))).view()).node()).isEqualTo("b");
        // b has one T4 left: a second 3-GPU T4 workload is pending, ruled out by type on a and c, by GPUs on b
        DecisionView pending = c.decide(decide(typed("t2", 3, "T4"))).view();
        assertThat(pending.status()).isEqualTo(DecisionView.Status.PENDING);
        assertThat(pending.blocked()).isEqualTo("t2");
        assertThat(pending.blockingRules())
                .containsExactly(
                        new DecisionView.BlockingRule("gpuType", 2), new DecisionView.BlockingRule("gpuCapacity", 1));
        assertThat(pending.message()).contains("gpuType rules out 2 nodes").contains("gpuCapacity rules out 1 node");
        assertThat(pending.version()).isEqualTo(1);
    }

    @Test
    void aShareGoesOnTheFullestGpuItFitsOn() {
        LiveCluster c = live(
                cluster(List.of(workload("s1", 0, 300, null, "a"), workload("s2", 0, 600, null, "a")), null, null));
        // s1 and s2 were given GPUs 0 (300 + 600 = 900 fits one GPU): a 100 share fills it
        assertThat(c.snapshot().gpuIndices()).containsEntry("s1", List.of(0)).containsEntry("s2", List.of(0));
        assertThat(only(c.decide(decide(workload("s3", 0, 100, null, null))).view())
                        .gpus())
                .containsExactly(0);
        assertThat(only(c.decide(decide(workload("s4", 0, 100, null, null))).view())
                        .gpus())
                .containsExactly(1);
    }

    @Test
    void fragmentationSendsAOneGpuWorkloadWhereItLeavesNoStrandedGpu() {
        // probe: a 4-GPU shape, popularity 10. a has 8 free GPUs, b 4, c 1 (3 taken). One GPU on a or b leaves
        // at least 4 free whole GPUs there: no change. On c it takes the 1,000 milli the probe could not use:
        // fragmentation falls by 10 x 1,000 (the GPU class balance, another soft rule, is switched off here)
        PlacementRequest.ProbeDto fourGpus = new PlacementRequest.ProbeDto("four", Map.of(), 4, 0, 10L);
        LiveCluster c = live(cluster(
                List.of(workload("r", 3, 0, null, "c")), null, List.of(fourGpus), Map.of("gpuClassBalance", 0L)));
        DecisionView v = c.decide(decide(workload("w", 1, 0, null, null))).view();
        assertThat(only(v).node()).isEqualTo("c");
        assertThat(only(v).gpus()).containsExactly(3);
        assertThat(v.scoreDiff()).isEqualTo("0hard/1medium/10000soft");
    }

    @Test
    void antiAffinityKeepsAReplicaOffTheNodeOfAnother() {
        PlacementRequest.ServiceDto web = new PlacementRequest.ServiceDto("web", true, null, null);
        LiveCluster c = live(cluster(List.of(ofService("web-0", "web", "a")), List.of(web), null));
        assertThat(only(c.decide(decide(ofService("web-1", "web", null))).view())
                        .node())
                .isEqualTo("b");
        assertThat(only(c.decide(decide(ofService("web-2", "web", null))).view())
                        .node())
                .isEqualTo("c");
        DecisionView pending = c.decide(decide(ofService("web-3", "web", null))).view();
        assertThat(pending.blockingRules()).containsExactly(new DecisionView.BlockingRule("serviceAntiAffinity", 3));
    }

    @Test
    void aRackBoundGangGoesWholeIntoTheOneRackWithRoomOrStaysPending() {
        LiveCluster c = live(cluster(List.of(workload("r", 6, 0, null, "a")), null, null));
        PlacementRequest.GangDto gang = new PlacementRequest.GangDto("g", "SAME_RACK");
        // r1 has 2 (a) + 4 (b) free, r2 has 4 (c): three 2-GPU members fit only in r1
        DecisionRequest three = new DecisionRequest(
                List.of(
                        workload("g0", 2, 0, "g", null),
                        workload("g1", 2, 0, "g", null),
                        workload("g2", 2, 0, "g", null)),
                gang,
                false,
                null);
        DecisionView v = c.decide(three).view();
        assertThat(v.status()).isEqualTo(DecisionView.Status.PLACED);
        assertThat(v.placements()).extracting(DecisionView.PlacementView::node).doesNotContain("c");
        assertThat(v.placements())
                .extracting(DecisionView.PlacementView::workload)
                .containsExactly("g0", "g1", "g2");
        // now r1 is full and r2 has 4: a gang of three 2-GPU members cannot be placed whole
        DecisionRequest again = new DecisionRequest(
                List.of(
                        workload("h0", 2, 0, "h", null),
                        workload("h1", 2, 0, "h", null),
                        workload("h2", 2, 0, "h", null)),
                new PlacementRequest.GangDto("h", "SAME_RACK"),
                false,
                null);
        DecisionView pending = c.decide(again).view();
        assertThat(pending.status()).isEqualTo(DecisionView.Status.PENDING);
        assertThat(pending.message()).startsWith("The gang cannot be placed whole now");
        assertThat(c.snapshot().state().workloads())
                .extracting(PlacementRequest.WorkloadDto::id)
                .doesNotContain("h0", "h1", "h2");
    }

    @Test
    void aDryRunBindsNothing() {
        LiveCluster c = live(cluster(List.of(), null, null));
        DecisionView v = c.decide(new DecisionRequest(List.of(workload("w", 8, 0, null, null)), null, true, null))
                .view();
        assertThat(only(v).node()).isEqualTo("a");
        assertThat(v.bound()).isFalse();
        assertThat(c.version()).isZero();
        assertThat(c.workloadCount()).isZero();
    }

    @Test
    void cordonedAndFailedNodesTakeNothingNewAndUncordoningGivesThemBack() {
        LiveCluster c = live(cluster(List.of(), null, null));
        c.apply(List.of(
                nodeEvent(ClusterEvent.Type.NODE_CORDONED, "a"), nodeEvent(ClusterEvent.Type.NODE_FAILED, "c")));
        assertThat(c.version()).isEqualTo(1);
        assertThat(only(c.decide(decide(workload("w", 1, 0, null, null))).view())
                        .node())
                .isEqualTo("b");
        DecisionView pending =
                c.decide(decide(workload("big", 8, 0, null, null))).view();
        assertThat(pending.blockingRules())
                .containsExactlyInAnyOrder(
                        new DecisionView.BlockingRule("nodeState", 2), new DecisionView.BlockingRule("gpuCapacity", 1));
        c.apply(List.of(nodeEvent(ClusterEvent.Type.NODE_UNCORDONED, "a")));
        assertThat(only(c.decide(decide(workload("big", 8, 0, null, null))).view())
                        .node())
                .isEqualTo("a");
    }

    @Test
    void boundFinishedAddedAndRemovedChangeWhatDecisionsSee() {
        LiveCluster c = live(cluster(List.of(), null, null));
        c.apply(List.of(
                bound(workload("x", 8, 0, null, "a"), null),
                bound(workload("y", 4, 0, null, "b"), List.of(0, 1, 2, 3)),
                new ClusterEvent(
                        ClusterEvent.Type.NODE_ADDED, node("d", "r2", 2, "A100"), null, null, null, null, null),
                nodeEvent(ClusterEvent.Type.NODE_REMOVED, "c")));
        assertThat(c.nodeCount()).isEqualTo(3);
        assertThat(only(c.decide(decide(workload("w", 2, 0, null, null))).view())
                        .node())
                .isEqualTo("d");
        c.apply(List.of(new ClusterEvent(ClusterEvent.Type.WORKLOAD_FINISHED, null, null, null, null, null, "x")));
        assertThat(only(c.decide(decide(workload("v", 8, 0, null, null))).view())
                        .node())
                .isEqualTo("a");
        assertThat(c.version()).isEqualTo(4);
    }

    @Test
    void aBatchWithOneBadEventChangesNothingAndNamesTheField() {
        LiveCluster c = live(cluster(List.of(workload("r", 2, 0, null, "a")), null, null));
        List<ClusterEvent> batch = List.of(
                nodeEvent(ClusterEvent.Type.NODE_CORDONED, "a"),
                nodeEvent(ClusterEvent.Type.NODE_FAILED, "ghost"),
                bound(workload("r", 1, 0, null, "b"), null),
                bound(workload("q", 1, 0, null, "b"), List.of(7)));
        assertThatThrownBy(() -> c.apply(batch))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("$.events[1].nodeId", "$.events[2].workload.id"));
        assertThatThrownBy(() -> c.apply(List.of(bound(workload("q", 1, 0, null, "b"), List.of(7)))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("$.events[0].gpuIndices"));
        assertThat(c.version()).isZero();
        assertThat(c.workloadCount()).isEqualTo(1);
        assertThat(only(c.decide(decide(workload("w", 6, 0, null, null))).view())
                        .node())
                .isEqualTo("a");
    }

    @Test
    void aDecisionNamesTheFieldsItBreaks() {
        LiveCluster c = live(cluster(List.of(workload("r", 2, 0, null, "a")), null, null));
        DecisionRequest bad = new DecisionRequest(
                List.of(
                        workload("r", 1, 0, null, null),
                        new PlacementRequest.WorkloadDto(
                                "w",
                                Map.of("disk", 1L),
                                0,
                                1500,
                                null,
                                null,
                                null,
                                "nope",
                                null,
                                "a",
                                null,
                                null,
                                null)),
                null,
                false,
                null);
        assertThatThrownBy(() -> c.decide(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .contains(
                                        "$.workloads[0].id",
                                        "$.workloads[1].requirements.disk",
                                        "$.workloads[1].gpuMilli",
                                        "$.workloads[1].service",
                                        "$.workloads[1].currentNode",
                                        "$.workloads[0].gang"));
    }

    private static ClusterEvent nodeEvent(ClusterEvent.Type type, String node) {
        return new ClusterEvent(type, null, node, null, null, null, null);
    }

    private static ClusterEvent bound(PlacementRequest.WorkloadDto w, List<Integer> gpus) {
        return new ClusterEvent(ClusterEvent.Type.WORKLOAD_BOUND, null, null, w, null, gpus, null);
    }
}
