package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.RuleIndex.*;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.SpareReserve;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that follow from each node's sums (capacity, transient capacity, load cost, GPUs, power, balance,
 * fragmentation, rack power, spare reserve, moves): per node a {@link NodeSums} and its last contribution to each
 * rule, re-added to the score's running amounts whenever the node changes.
 */
final class NodeRules {

    private final long[] amount;
    Resource[] resources;
    /** Indexes of the resources held on a workload's current node while it runs elsewhere. */
    int[] transientIndexes;

    private boolean[] transientByIndex;
    BalanceObjective[] balances;
    private FragmentationProbe[] probes;
    private Map<Node, NodeSums> nodes;
    /** The same sums by node index, for the hot path (a node whose index slot holds another node uses the map). */
    private NodeSums[] byIndex;
    /** Load cost weight by resource index (0 for none). */
    long[] loadWeight;

    private Map<Rack, long[]> rackDraw;
    private Map<String, ZoneSpares> zones;
    /** Zone numbers (per-zone arrays index by them). */
    private Map<String, Integer> zoneNumbers;

    private int domainCount;

    /** @param amount the score's running amounts, which this updates */
    NodeRules(long[] amount) {
        this.amount = amount;
    }

    /** Sums for every node of {@code solution}, with nothing placed yet (the amounts must be zero). */
    void reset(PlacementSolution solution) {
        resources = solution.getResources().toArray(Resource[]::new);
        transientIndexes = solution.getResources().stream()
                .filter(Resource::transientUsage)
                .mapToInt(Resource::index)
                .toArray();
        transientByIndex = new boolean[Arrays.stream(transientIndexes).max().orElse(-1) + 1];
        for (int i : transientIndexes) {
            if (i >= 0) {
                transientByIndex[i] = true;
            }
        }
        balances = solution.getBalanceObjectives().stream()
                .filter(b -> b.weight() != 0)
                .toArray(BalanceObjective[]::new);
        probes = solution.getFragmentationProbes().toArray(FragmentationProbe[]::new);
        rackDraw = new IdentityHashMap<>();
        resetZones(solution);
        loadWeight = new long[resources.length];
        for (Resource r : resources) {
            if (r.index() >= 0 && r.index() < loadWeight.length) {
                loadWeight[r.index()] = r.loadCostWeight();
            }
        }
        resetNodes(solution);
    }

    private void resetZones(PlacementSolution solution) {
        zones = new HashMap<>();
        for (SpareReserve reserve : solution.getSpareReserves()) {
            zones.computeIfAbsent(reserve.zone(), z -> new ZoneSpares())
                    .reserves
                    .add(reserve.gpus());
        }
        // Every zone starts with no free GPU counted; refreshing each node adds its free GPUs. A zone whose GPU nodes
        // are all down keeps none, so its whole reserve stays short.
        for (ZoneSpares zone : zones.values()) {
            amount[SPARE_I] += zone.shortfall();
        }
    }

    private void resetNodes(PlacementSolution solution) {
        Map<String, Integer> domains = new HashMap<>();
        zoneNumbers = new HashMap<>();
        Map<String, GpuClassSums> gpuClasses = new HashMap<>();
        for (Node node : solution.getNodes()) {
            if (node.getGpuCount() > 0) {
                gpuClasses.computeIfAbsent(
                                        GpuClassBalance.gpuClass(node),
                                        c -> new GpuClassSums(
                                                GpuClassBalance.popularity(List.of(probes), node.getGpuType())))
                                .capacityMilli +=
                        node.getGpuCount() * 1000L;
            }
        }
        nodes = new IdentityHashMap<>();
        byIndex = new NodeSums[solution.getNodes().size()];
        int[] gpuMirrors = solution.getResources().stream()
                .filter(Resource::gpuMirror)
                .mapToInt(Resource::index)
                .toArray();
        for (Node node : solution.getNodes()) {
            NodeSums sums = new NodeSums(
                    node,
                    nodes.size(),
                    domains.computeIfAbsent(node.getNetworkDomain(), d -> domains.size()),
                    zoneNumbers.computeIfAbsent(node.getZone(), z -> zoneNumbers.size()),
                    node.getGpuCount() > 0 ? gpuClasses.get(GpuClassBalance.gpuClass(node)) : null);
            for (int r : gpuMirrors) {
                sums.capacityArray[r] = Long.MAX_VALUE; // the GPU rule counts its excess, node capacity does not
            }
            nodes.put(node, sums);
            int i = node.getIndex();
            if (i >= 0 && i < byIndex.length && byIndex[i] == null) {
                byIndex[i] = sums;
            }
            refresh(sums);
        }
        domainCount = domains.size();
    }

    int nodeCount() {
        return nodes.size();
    }

    int zoneCount() {
        return zoneNumbers.size();
    }

    int domainCount() {
        return domainCount;
    }

    /** Whether resource {@code i} is held on a workload's current node while it runs elsewhere. */
    boolean isTransient(int i) {
        return i >= 0 && i < transientByIndex.length && transientByIndex[i];
    }

    NodeSums sums(Node node) {
        int i = node.getIndex();
        if (i >= 0 && i < byIndex.length) {
            NodeSums a = byIndex[i];
            if (a != null && a.node == node) {
                return a;
            }
        }
        return nodes.get(node);
    }

    /** Adds (sign 1) or removes (sign -1) {@code w} on its node {@code sums} and the rules that follow. */
    void apply(Workload w, NodeSums sums, int sign) {
        Node node = sums.node;
        sums.add(w, sign);
        refresh(sums);
        if (w.usesGpu()) {
            GpuClassSums gpuClass = sums.gpuClass;
            if (gpuClass != null) {
                amount[GPU_CLASS_BALANCE_I] -= gpuClass.penalty();
                gpuClass.usedMilli += sign * w.gpuDemandMilli();
                amount[GPU_CLASS_BALANCE_I] += gpuClass.penalty();
            }
            if (!w.allowsGpuType(node.getGpuType())) {
                amount[GPU_TYPE_I] += sign;
            }
            if (!w.prefersGpuType(node.getGpuType())) {
                amount[PREFERRED_I] += sign;
            }
        }
        if (RuleTerms.violatesNodeState(w)) {
            amount[NODE_STATE_I] += sign;
        }
        if (w.isMoved()) {
            NodeSums from = sums(w.getCurrentNode());
            from.addMovedOut(w, sign, transientIndexes);
            if (transientIndexes.length > 0) {
                refreshTransient(from); // moved-out usage counts only for transient resources
            }
            amount[PROCESS_MOVE_I] += sign * w.getMoveCost();
            amount[MACHINE_MOVE_I] += sign * w.getCurrentNode().moveCostTo(node);
        }
    }

    private static boolean sparesCount(Node node) {
        return node.getState() == NodeState.ACTIVE && node.getGpuCount() > 0;
    }

    /** As {@link #refresh}, for a change of the moved-out sums alone: only the transient rule reads them. */
    private void refreshTransient(NodeSums a) {
        long transientExcess = transientExcess(a);
        amount[TRANSIENT_I] += transientExcess - a.transientExcess;
        a.transientExcess = transientExcess;
    }

    private long transientExcess(NodeSums a) {
        long excess = 0L;
        if (a.movedOutCount > 0) {
            long[] u = a.usage;
            for (int i : transientIndexes) {
                long cap = a.capacityArray[i];
                excess += Math.max(0L, u[i] + a.movedOut[i] - cap) - Math.max(0L, u[i] - cap);
            }
        }
        return excess;
    }

    /** Replaces the node's contributions to the per-node rules with ones computed from its current sums. */
    private void refresh(NodeSums a) {
        Node node = a.node;
        if (a.packingStale) {
            a.packing = GpuPacking.pack(node.getGpuCount(), a.wholeGpus, a.sharesArray());
            a.packingStale = false;
        }
        long capacity = 0L;
        long load = 0L;
        long gpu = 0L;
        long power;
        if (a.count > 0) {
            long[] u = a.usage;
            long[] cap = a.capacityArray;
            long[] safety = a.safetyArray;
            long[] weight = loadWeight;
            int n = Math.min(u.length, weight.length);
            for (int i = 0; i < n; i++) {
                long ui = u[i];
                long excess = ui - cap[i];
                if (excess > 0) {
                    capacity += excess;
                }
                long over = ui - safety[i];
                if (over > 0) {
                    load += weight[i] * over;
                }
            }
            gpu = a.packing.overflowMilli();
        }
        power = node.drawWatts(a.count, a.workloadPower);
        long transientExcess = transientExcess(a);
        long balance = balance(node, a.usage);
        long fragmentation = fragmentation(a);
        amount[NODE_CAPACITY_I] += capacity - a.capacity;
        amount[LOAD_COST_I] += load - a.load;
        amount[GPU_CAPACITY_I] += gpu - a.gpu;
        amount[POWER_I] += power - a.power;
        amount[TRANSIENT_I] += transientExcess - a.transientExcess;
        amount[BALANCE_I] += balance - a.balance;
        amount[FRAGMENTATION_I] += fragmentation - a.fragmentation;
        refreshRackAndSpares(a, power);
        a.capacity = capacity;
        a.load = load;
        a.gpu = gpu;
        a.power = power;
        a.transientExcess = transientExcess;
        a.balance = balance;
        a.fragmentation = fragmentation;
    }

    private long balance(Node node, long[] u) {
        long balance = 0L;
        for (BalanceObjective b : balances) {
            long free1 = node.capacity(b.resource1().index()) - u[b.resource1().index()];
            long free2 = node.capacity(b.resource2().index()) - u[b.resource2().index()];
            long shortfall = b.target() * free1 - free2;
            if (shortfall > 0) {
                balance += b.weight() * shortfall;
            }
        }
        return balance;
    }

    private long fragmentation(NodeSums a) {
        Node node = a.node;
        long fragmentation = 0L;
        if (node.getGpuCount() > 0 && node.getState() == NodeState.ACTIVE && probes.length > 0) {
            NodeLoad view = new NodeLoad(node, a.usage, a.workloadPower, a.count, a.packing);
            for (FragmentationProbe probe : probes) {
                fragmentation += probe.popularity() * view.fragmentMilli(probe);
            }
        }
        return fragmentation;
    }

    /** The rack's draw (its power before the change is still in {@code a.power}) and the zone's free GPUs. */
    private void refreshRackAndSpares(NodeSums a, long power) {
        Node node = a.node;
        Rack rack = node.getRack();
        if (rack != null && rack.capped() && power != a.power) {
            long[] draw = rackDraw.computeIfAbsent(rack, k -> new long[1]);
            amount[RACK_POWER_I] -= Math.max(0L, draw[0] - rack.powerCapWatts());
            draw[0] += power - a.power;
            amount[RACK_POWER_I] += Math.max(0L, draw[0] - rack.powerCapWatts());
        }
        if (sparesCount(node)) {
            int free = a.packing.freeWholeGpus();
            if (free != a.freeWholeGpus) {
                ZoneSpares zone = zones.computeIfAbsent(node.getZone(), z -> new ZoneSpares());
                amount[SPARE_I] -= zone.shortfall();
                zone.freeGpus += free - a.freeWholeGpus;
                amount[SPARE_I] += zone.shortfall();
                a.freeWholeGpus = free;
            }
        }
    }

    /** GPU milli in use and capacity of one GPU class (GPU count x type), and the popularity of its probes. */
    static final class GpuClassSums {
        final long popularity;
        long capacityMilli;
        long usedMilli;

        GpuClassSums(long popularity) {
            this.popularity = popularity;
        }

        long penalty() {
            return GpuClassBalance.penalty(popularity, usedMilli, capacityMilli);
        }
    }

    /** A zone's spare reserves and its free whole GPUs. */
    private static final class ZoneSpares {
        final List<Integer> reserves = new ArrayList<>();
        long freeGpus;

        long shortfall() {
            long sum = 0L;
            for (int reserve : reserves) {
                sum += Math.max(0L, reserve - freeGpus);
            }
            return sum;
        }
    }
}
