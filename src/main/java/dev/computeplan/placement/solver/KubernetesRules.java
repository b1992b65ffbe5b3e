package dev.computeplan.placement.solver;

import static dev.computeplan.placement.solver.RuleIndex.BUDGET_I;
import static dev.computeplan.placement.solver.RuleIndex.EVICTION_I;
import static dev.computeplan.placement.solver.RuleIndex.PREEMPTION_I;
import static dev.computeplan.placement.solver.RuleIndex.TOPOLOGY_SPREAD_I;
import static dev.computeplan.placement.solver.RuleIndex.TOPOLOGY_SPREAD_SOFT_I;

import dev.computeplan.placement.domain.DisruptionBudget;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.TopologySpread;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The incremental score's share of {@link KubernetesConstraints}: per node the priorities of arriving preemptors and
 * the workloads evicted from it, per victim (workload or gang) its evicted and justified members, per budget its
 * disruptions, per spread its counts per domain.
 */
final class KubernetesRules {

    private final long[] amount;
    private final Map<Node, TreeMap<Long, Integer>> arrivals = new HashMap<>();
    private final Map<Node, Set<Workload>> evictedFrom = new HashMap<>();
    private final Map<Workload, Boolean> justified = new HashMap<>();
    private final Map<Object, int[]> victims = new HashMap<>();
    private final Map<DisruptionBudget, int[]> disrupted = new HashMap<>();
    private final Map<Service, List<SpreadCounts>> spreads = new HashMap<>();

    KubernetesRules(long[] amount) {
        this.amount = amount;
    }

    void reset(PlacementSolution solution) {
        arrivals.clear();
        evictedFrom.clear();
        justified.clear();
        victims.clear();
        disrupted.clear();
        spreads.clear();
        for (TopologySpread s : solution.getTopologySpreads()) {
            spreads.computeIfAbsent(s.getService(), k -> new ArrayList<>()).add(new SpreadCounts(s));
        }
    }

    /** Adds (sign 1) or removes (sign -1) what {@code w} contributes in its current place. */
    void apply(Workload w, int sign) {
        if (w.isEvicted()) {
            amount[EVICTION_I] += sign * w.evictionCost();
        }
        if (w.isPreempted()) {
            evicted(w, sign);
        } else if (w.isPreemptor()) {
            arrival(w, sign);
        }
        if (!w.getBudgets().isEmpty() && w.isDisrupted()) {
            for (DisruptionBudget b : w.getBudgets()) {
                int[] count = disrupted.computeIfAbsent(b, k -> new int[1]);
                amount[BUDGET_I] -= Math.max(0, count[0] - b.allowed());
                count[0] += sign;
                amount[BUDGET_I] += Math.max(0, count[0] - b.allowed());
            }
        }
        if (w.getService() != null && w.getNode() != null) {
            for (SpreadCounts s : spreads.getOrDefault(w.getService(), List.of())) {
                s.apply(w.getNode(), sign);
            }
        }
    }

    private void evicted(Workload w, int sign) {
        Node from = w.getCurrentNode();
        if (sign > 0) {
            boolean ok = highestArrival(from) > w.getPriority();
            evictedFrom.computeIfAbsent(from, k -> new HashSet<>()).add(w);
            justified.put(w, ok);
            victim(w, ok, 1);
        } else {
            evictedFrom.get(from).remove(w);
            victim(w, justified.remove(w), -1);
        }
    }

    private void arrival(Workload w, int sign) {
        Node at = w.getNode();
        TreeMap<Long, Integer> priorities = arrivals.computeIfAbsent(at, k -> new TreeMap<>());
        long before = highestArrival(at);
        priorities.merge(w.getPriority(), sign, Integer::sum);
        if (priorities.get(w.getPriority()) == 0) {
            priorities.remove(w.getPriority());
        }
        long after = highestArrival(at);
        if (before != after) {
            for (Workload v : evictedFrom.getOrDefault(at, Set.of())) {
                boolean ok = after > v.getPriority();
                if (justified.get(v) != ok) {
                    victim(v, !ok, -1);
                    victim(v, ok, 1);
                    justified.put(v, ok);
                }
            }
        }
    }

    private long highestArrival(Node node) {
        TreeMap<Long, Integer> priorities = arrivals.get(node);
        return priorities == null || priorities.isEmpty() ? Long.MIN_VALUE : priorities.lastKey();
    }

    /** Counts: [evicted, justified]; a victim with no justified member counts all its evicted members. */
    private void victim(Workload w, boolean ok, int sign) {
        int[] c = victims.computeIfAbsent(KubernetesConstraints.victim(w), k -> new int[2]);
        amount[PREEMPTION_I] -= c[1] == 0 ? c[0] : 0;
        c[0] += sign;
        c[1] += ok ? sign : 0;
        amount[PREEMPTION_I] += c[1] == 0 ? c[0] : 0;
    }

    /** One spread's workloads per domain and its current excess. */
    private final class SpreadCounts {
        private final TopologySpread spread;
        private final int[] counts;
        private final int index;
        private int outside;
        private long excess;

        SpreadCounts(TopologySpread spread) {
            this.spread = spread;
            this.counts = new int[spread.getDomainCount()];
            this.index = spread.isHard() ? TOPOLOGY_SPREAD_I : TOPOLOGY_SPREAD_SOFT_I;
        }

        void apply(Node node, int sign) {
            int d = spread.domainOf(node);
            if (d < 0) {
                outside += sign;
            } else {
                counts[d] += sign;
            }
            amount[index] -= excess;
            excess = spread.excess(counts, outside);
            amount[index] += excess;
        }
    }
}
