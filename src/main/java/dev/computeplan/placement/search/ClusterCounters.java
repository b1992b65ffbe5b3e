package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Rack;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every node's counters ({@link NodeTracker}), the racks' draw and the zones' free GPUs, and the nodes by free GPU:
 * what a greedy placement checks with plain counters instead of a score update per candidate node.
 */
final class ClusterCounters {
    final Map<Node, NodeTracker> trackers = new HashMap<>();
    private final Map<Rack, Long> rackDraw = new HashMap<>();
    private final Map<String, Integer> zoneFree = new HashMap<>();
    private final Map<String, Integer> reserve = new HashMap<>();
    /** Nodes by free GPU milli, ascending: the first fitting node from the workload's demand up is the best fit. */
    private final TreeMap<Long, LinkedHashSet<NodeTracker>> byFree = new TreeMap<>();
    /** The services each service depends on, and where each service runs: workloads per network domain. */
    private final Map<Service, List<Service>> dependsOn = new HashMap<>();

    private final Map<Service, Map<String, Integer>> domainsOf = new HashMap<>();

    ClusterCounters(PlacementSolution solution) {
        for (Node n : solution.getNodes()) {
            trackers.put(n, new NodeTracker(n));
        }
        solution.getServiceDependencies()
                .forEach(d -> dependsOn
                        .computeIfAbsent(d.service(), k -> new ArrayList<>())
                        .add(d.dependsOn()));
        for (Workload w : solution.getWorkloads()) {
            if (w.isAssigned()) {
                trackers.get(w.getNode()).addUnpacked(w);
                countDomain(w, w.getNode(), 1);
            }
        }
        trackers.values().forEach(NodeTracker::repack);
        for (NodeTracker t : trackers.values()) {
            if (t.node.getRack() != null) {
                rackDraw.merge(t.node.getRack(), t.power(), Long::sum);
            }
            if (t.node.getState() == NodeState.ACTIVE) {
                zoneFree.merge(t.node.getZone(), t.packing().freeWholeGpus(), Integer::sum);
            }
        }
        solution.getSpareReserves().forEach(r -> reserve.merge(r.zone(), r.gpus(), Math::max));
        for (Node n : solution.getNodes()) {
            NodeTracker t = trackers.get(n);
            byFree.computeIfAbsent(t.packing().freeMilli(), k -> new LinkedHashSet<>())
                    .add(t);
        }
    }

    /** The fitting node with the least free GPU left, or null. */
    NodeTracker bestFit(Workload w) {
        return bestFit(w, t -> true);
    }

    /**
     * The fitting node accepted by {@code among} with the least free GPU left, or null. {@code among} sees only
     * nodes with enough free GPU for the workload, in that order.
     */
    NodeTracker bestFit(Workload w, Predicate<NodeTracker> among) {
        for (Map.Entry<Long, LinkedHashSet<NodeTracker>> entry :
                byFree.tailMap(w.gpuDemandMilli(), true).entrySet()) {
            for (NodeTracker t : entry.getValue()) {
                if (acceptable(t, w) && among.test(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    void place(NodeTracker t, Workload w) {
        change(t, w, true);
    }

    void remove(NodeTracker t, Workload w) {
        change(t, w, false);
    }

    private void change(NodeTracker t, Workload w, boolean add) {
        Node n = t.node;
        int freeBefore = t.packing().freeWholeGpus();
        long powerBefore = t.power();
        long freeMilliBefore = t.packing().freeMilli();
        byFree.get(freeMilliBefore).remove(t);
        if (byFree.get(freeMilliBefore).isEmpty()) {
            byFree.remove(freeMilliBefore);
        }
        if (add) {
            t.add(w);
        } else {
            t.remove(w);
        }
        countDomain(w, n, add ? 1 : -1);
        byFree.computeIfAbsent(t.packing().freeMilli(), k -> new LinkedHashSet<>())
                .add(t);
        if (n.getRack() != null) {
            rackDraw.merge(n.getRack(), t.power() - powerBefore, Long::sum);
        }
        if (n.getState() == NodeState.ACTIVE) {
            zoneFree.merge(n.getZone(), t.packing().freeWholeGpus() - freeBefore, Integer::sum);
        }
    }

    private void countDomain(Workload w, Node n, int sign) {
        if (w.getService() != null) {
            domainsOf
                    .computeIfAbsent(w.getService(), k -> new HashMap<>())
                    .merge(n.getNetworkDomain(), sign, Integer::sum);
        }
    }

    /** Every service the workload's service depends on already runs in the node's network domain. */
    private boolean dependenciesMet(Workload w, Node n) {
        for (Service needed : dependsOn.getOrDefault(w.getService(), List.of())) {
            if (domainsOf.getOrDefault(needed, Map.of()).getOrDefault(n.getNetworkDomain(), 0) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link NodeTracker#fits}, service dependencies, the rack's power cap and the zone's spare reserve. */
    boolean acceptable(NodeTracker t, Workload w) {
        if (!t.fits(w) || (w.getService() != null && !dependenciesMet(w, t.node))) {
            return false;
        }
        Node n = t.node;
        Rack rack = n.getRack();
        if (rack != null
                && rack.capped()
                && rackDraw.getOrDefault(rack, 0L) - t.power() + t.powerWith(w) > rack.powerCapWatts()) {
            return false;
        }
        int reserved = reserve.getOrDefault(n.getZone(), 0);
        if (w.usesGpu() && reserved > 0) {
            GpuPacking after = t.packingWith(w);
            int freeAfter = zoneFree.getOrDefault(n.getZone(), 0) - t.packing().freeWholeGpus() + after.freeWholeGpus();
            return freeAfter >= reserved;
        }
        return true;
    }
}
