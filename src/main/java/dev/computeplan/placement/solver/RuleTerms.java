package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import java.util.Comparator;

/**
 * What several rules of {@link PlacementConstraintProvider} share: the per-node streams (built from the same lambda
 * instances so Timefold shares one grouping node) and the per-rule amounts the incremental score computes the same way.
 */
final class RuleTerms {

    private RuleTerms() {}

    /** (node, load) for every node with at least one workload. */
    static BiConstraintStream<Node, NodeLoad> busyNodes(ConstraintFactory factory) {
        return factory.forEach(Workload.class).groupBy(Workload::getNode, NodeLoadCollector.INSTANCE);
    }

    /** (node, load) for every node, empty ones with a zero load. */
    static BiConstraintStream<Node, NodeLoad> allNodes(ConstraintFactory factory) {
        return busyNodes(factory).complement(Node.class, NodeLoad::empty);
    }

    static long transientExcess(NodeLoad load, MovedOutLoad out, Resource resource) {
        int r = resource.index();
        long capacity = load.node().capacity(r);
        long withHeld = Math.max(0L, load.usage(r) + out.usage(r) - capacity);
        return withHeld - load.excess(r);
    }

    static long gpuDemandMilli(NodeLoad load) {
        long used = 0L;
        for (int u : load.packing().usedMilli()) {
            used += u;
        }
        return used + load.packing().overflowMilli();
    }

    static boolean violatesNodeState(Workload w) {
        NodeState state = w.getNode().getState();
        return state.forbidsAll() || (state == NodeState.CORDONED && w.getNode() != w.getCurrentNode());
    }

    static Object topologyKey(Workload w) {
        Node node = w.getNode();
        if (w.getGang().topology() == GangTopology.SAME_RACK) {
            // A node without a rack is its own rack.
            return node.getRack() != null ? node.getRack() : node;
        }
        return node.getNetworkDomain();
    }

    static long overSafety(Node node, NodeLoad load, Resource resource) {
        return load.usage(resource.index()) - node.safetyCapacity(resource.index());
    }

    /** Moved-workload count of one service; ordered by count, then id, so the maximum is deterministic. */
    record ServiceMoves(String serviceId, int moved) {
        static final Comparator<ServiceMoves> ORDER = Comparator.comparingInt(ServiceMoves::moved)
                .thenComparing(ServiceMoves::serviceId, Comparator.reverseOrder());
    }

    /** Per GPU class: its capacity and the total popularity of the probes that may run on its GPU type. */
    static UniConstraintStream<GpuClassBalance.ClassCapacity> gpuClassCapacities(ConstraintFactory factory) {
        return factory.forEach(Node.class)
                .filter(node -> node.getGpuCount() > 0)
                .groupBy(
                        GpuClassBalance::gpuClass,
                        Node::getGpuType,
                        ConstraintCollectors.sumLong(node -> node.getGpuCount() * 1000L))
                .join(
                        FragmentationProbe.class,
                        Joiners.filtering((gpuClass, type, cap, probe) -> probe.allowsGpuType(type)))
                .groupBy(
                        (gpuClass, type, cap, probe) -> gpuClass,
                        (gpuClass, type, cap, probe) -> cap,
                        ConstraintCollectors.sumLong((gpuClass, type, cap, probe) -> probe.popularity()))
                .map(GpuClassBalance.ClassCapacity::new);
    }
}
