package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.CheckContext.orEmpty;

import dev.computeplan.placement.api.KubernetesRequest;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The checker's Kubernetes rules: lexicographic pending weights, eviction, preemption, budgets, topology spread. */
final class KubernetesChecks {

    private KubernetesChecks() {}

    /**
     * Pending weight per priority: 1 for the lowest, then one more than all lower-priority workloads together; if
     * that passes 2^52, the fewest lowest levels that make it fit are weighted by their rank instead.
     */
    static Map<Long, Long> pendingWeights(PlacementRequest req) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        req.workloads().forEach(w -> counts.merge(priority(w), 1, Integer::sum));
        BigInteger max = BigInteger.TWO.pow(52);
        for (int block = 0; block <= counts.size(); block++) {
            Map<Long, Long> weights = new HashMap<>();
            BigInteger below = BigInteger.ZERO;
            int rank = 0;
            for (var e : counts.entrySet()) {
                rank++;
                BigInteger w = rank <= block ? BigInteger.valueOf(rank) : below.add(BigInteger.ONE);
                weights.put(e.getKey(), w.longValue());
                below = below.add(w.multiply(BigInteger.valueOf(e.getValue())));
            }
            if (below.compareTo(max) <= 0) {
                return weights;
            }
        }
        throw new IllegalStateException("unreachable: ranks alone always fit");
    }

    static void check(CheckContext ctx) {
        Map<String, Integer> evictedPerVictim = new HashMap<>();
        Map<String, Boolean> justifiedVictim = new HashMap<>();
        for (PlacementRequest.WorkloadDto v : ctx.req.workloads()) {
            if (!evicted(ctx, v)) {
                continue;
            }
            ctx.soft += ctx.weight("eviction") * (2 * moveCost(v) + 1);
            if ("DRAINING".equals(CheckContext.stateOf(ctx.nodes.get(v.currentNode())))) {
                continue;
            }
            String victim = v.gang() != null ? "Gang " + v.gang() : "Workload " + v.id();
            evictedPerVictim.merge(victim, 1, Integer::sum);
            justifiedVictim.merge(victim, justified(ctx, v), Boolean::logicalOr);
        }
        evictedPerVictim.forEach((victim, count) -> {
            if (!justifiedVictim.get(victim)) {
                ctx.violate("preemption", count, "%s is evicted with no higher-priority preemptor".formatted(victim));
            }
        });
        for (KubernetesRequest.DisruptionBudgetDto b : orEmpty(ctx.req.disruptionBudgets())) {
            budget(ctx, b);
        }
        for (PlacementRequest.ServiceDto s : orEmpty(ctx.req.services())) {
            for (KubernetesRequest.TopologySpreadDto t : orEmpty(s.topologySpread())) {
                spread(ctx, s.id(), t);
            }
        }
    }

    static long moveCost(PlacementRequest.WorkloadDto w) {
        return w.moveCost() == null ? PlacementRequest.DEFAULT_MOVE_COST : w.moveCost();
    }

    static long priority(PlacementRequest.WorkloadDto w) {
        return w.priority() == null ? 1L : w.priority();
    }

    private static String nodeOf(CheckContext ctx, PlacementRequest.WorkloadDto w) {
        PlacementPlan.Assignment a = ctx.byWorkload.get(w.id());
        return a == null ? null : a.node();
    }

    /** Was running on a node that still stands (not failed) and is now pending. */
    private static boolean evicted(CheckContext ctx, PlacementRequest.WorkloadDto w) {
        return w.currentNode() != null
                && nodeOf(ctx, w) == null
                && !"FAILED".equals(CheckContext.stateOf(ctx.nodes.get(w.currentNode())));
    }

    /** Some workload arrives on v's node, may preempt, and has a strictly higher priority. */
    private static boolean justified(CheckContext ctx, PlacementRequest.WorkloadDto v) {
        for (PlacementRequest.WorkloadDto p : ctx.req.workloads()) {
            if (v.currentNode().equals(nodeOf(ctx, p))
                    && !v.currentNode().equals(p.currentNode())
                    && !PlacementRequest.WorkloadDto.NEVER.equals(p.preemptionPolicy())
                    && priority(p) > priority(v)) {
                return true;
            }
        }
        return false;
    }

    private static void budget(CheckContext ctx, KubernetesRequest.DisruptionBudgetDto b) {
        int healthy = 0;
        int disrupted = 0;
        for (PlacementRequest.WorkloadDto w : ctx.req.workloads()) {
            if (b.covers(w.id(), w.labels())
                    && w.currentNode() != null
                    && !"FAILED".equals(CheckContext.stateOf(ctx.nodes.get(w.currentNode())))) {
                healthy++;
                disrupted += w.currentNode().equals(nodeOf(ctx, w)) ? 0 : 1;
            }
        }
        int allowed = b.maxUnavailable() != null ? b.maxUnavailable() : Math.max(0, healthy - b.minAvailable());
        if (disrupted > allowed) {
            ctx.violate(
                    "disruptionBudget",
                    disrupted - allowed,
                    "budget %s: %d disrupted, %d allowed".formatted(b.id(), disrupted, allowed));
        }
    }

    private static void spread(CheckContext ctx, String service, KubernetesRequest.TopologySpreadDto t) {
        boolean gpu = ctx.req.workloads().stream()
                .anyMatch(w -> service.equals(w.service())
                        && ((w.gpus() != null && w.gpus() > 0) || (w.gpuMilli() != null && w.gpuMilli() > 0)));
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> domainOfNode = new HashMap<>();
        for (PlacementRequest.NodeDto n : ctx.req.nodes()) {
            String state = CheckContext.stateOf(n);
            String value = topologyValue(n, t.topologyKey());
            if (value != null
                    && !state.equals("FAILED")
                    && !state.equals("DRAINING")
                    && (!gpu || CheckContext.gpusOf(n) > 0)) {
                domainOfNode.put(n.id(), value);
                counts.putIfAbsent(value, 0);
            }
        }
        long excess = 0;
        for (PlacementRequest.WorkloadDto w : ctx.req.workloads()) {
            String at = nodeOf(ctx, w);
            if (at != null && service.equals(w.service())) {
                String d = domainOfNode.get(at);
                if (d == null) {
                    excess++;
                } else {
                    counts.merge(d, 1, Integer::sum);
                }
            }
        }
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        for (int c : counts.values()) {
            excess += Math.max(0, c - min - t.maxSkew());
        }
        if (excess == 0) {
            return;
        }
        if (t.hard()) {
            ctx.violate(
                    "topologySpread",
                    excess,
                    "service %s over %s: skew above %d by %d".formatted(service, t.topologyKey(), t.maxSkew(), excess));
        } else {
            ctx.soft += ctx.weight("topologySpreadSoft") * excess;
        }
    }

    /** A node's domain for a key: its label, else zone, rack, network domain or name by the well-known keys. */
    private static String topologyValue(PlacementRequest.NodeDto n, String key) {
        if (n.labels() != null && n.labels().get(key) != null) {
            return n.labels().get(key);
        }
        return switch (key) {
            case "zone", "topology.kubernetes.io/zone" -> n.zone();
            case "rack" -> n.rack();
            case "networkDomain" -> CheckContext.domainOf(n);
            case "node", "kubernetes.io/hostname" -> n.id();
            default -> null;
        };
    }
}
