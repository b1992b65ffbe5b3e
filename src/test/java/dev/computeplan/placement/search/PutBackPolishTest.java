package dev.computeplan.placement.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class PutBackPolishTest {

    private final Resource cpu = new Resource(0, "cpu", false, 0);
    private final Rack rackA = new Rack("a", 0);
    private final Rack rackB = new Rack("b", 0);
    private final Node a1 = node(0, "a1", rackA);
    private final Node a2 = node(1, "a2", rackA);
    private final Node b1 = node(2, "b1", rackB);
    private final Node b2 = node(3, "b2", rackB);

    private static Node node(int index, String id, Rack rack) {
        return new Node(index, id, new long[] {10}, new long[] {10}, "z", "d").withRack(rack);
    }

    private PlacementSolution solution(List<Gang> gangs, Workload... workloads) {
        return new PlacementSolution(
                List.of(cpu),
                List.of(a1, a2, b1, b2),
                List.of(rackA, rackB),
                List.of(),
                List.of(),
                gangs,
                List.of(),
                List.of(),
                List.of(),
                List.of(workloads));
    }

    private static Workload running(String id, Node current, long moveCost) {
        return new Workload(id, new long[] {4}, null, current, moveCost);
    }

    @Test
    void aMoveThatGainsNothingIsUndoneAndTheScoreAgreesWithTheRules() {
        Workload moved = running("moved", a1, 10).withPriority(1).withNode(b1);
        PlacementSolution s = solution(List.of(), moved);
        var before = PlacementSolver.solutionManager().update(s);

        assertThat(PutBackPolish.apply(s)).isEqualTo(1);

        assertThat(moved.getNode()).isSameAs(a1);
        assertThat(PlacementSolver.solutionManager().update(s)).isGreaterThan(before);
    }

    @Test
    void aRunningWorkloadLeftPendingGoesBackWhenItFits() {
        Workload evicted = running("evicted", a1, 0).withPriority(5);
        PlacementSolution s = solution(List.of(), evicted);

        assertThat(PutBackPolish.apply(s)).isEqualTo(1);
        assertThat(evicted.getNode()).isSameAs(a1);
    }

    @Test
    void aMoveOffAFailedNodeStays() {
        a1.withState(NodeState.FAILED);
        Workload moved = running("moved", a1, 10).withPriority(1).withNode(b1);
        PlacementSolution s = solution(List.of(), moved);

        assertThat(PutBackPolish.apply(s)).isZero();
        assertThat(moved.getNode()).isSameAs(b1);
    }

    @Test
    void aMoveThatRelievesAnOverloadStays() {
        Workload stays = running("stays", a1, 0).withPriority(1).withNode(a1);
        Workload moved = running("moved", a1, 10).withPriority(1).withNode(b1);
        Workload big = new Workload("big", new long[] {4}, null, null, 0)
                .withPriority(1)
                .withNode(a1);
        PlacementSolution s = solution(List.of(), stays, moved, big);

        assertThat(PutBackPolish.apply(s)).isZero();
        assertThat(moved.getNode()).isSameAs(b1);
    }

    @Test
    void aGangGoesBackWholeWhereOneMemberAloneWouldBreakItsRack() {
        Gang gang = new Gang("g", GangTopology.SAME_RACK);
        Workload w0 = running("g-0", a1, 10).withGang(gang).withNode(b1);
        Workload w1 = running("g-1", a2, 10).withGang(gang).withNode(b2);
        PlacementSolution s = solution(List.of(gang), w0, w1);

        assertThat(PutBackPolish.apply(s)).isEqualTo(2);

        assertThat(w0.getNode()).isSameAs(a1);
        assertThat(w1.getNode()).isSameAs(a2);
        assertThat(PlacementSolver.solutionManager().update(s).isFeasible()).isTrue();
    }
}
