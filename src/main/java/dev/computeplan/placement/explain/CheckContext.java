package dev.computeplan.placement.explain;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the checker's rule families share: the request indexed by id, the totals so far and the per-node usage. */
final class CheckContext {

    final PlacementRequest req;
    final List<String> resources;
    final int gpuResource;
    final Map<String, PlacementRequest.NodeDto> nodes = new HashMap<>();
    final Map<String, PlacementPlan.Assignment> byWorkload = new HashMap<>();
    private final Map<String, Long> weights;
    private Map<List<String>, Long> moveCosts;
    private Map<Long, Long> pendingWeights;

    long hard;
    long medium;
    long soft;
    final List<String> violations = new ArrayList<>();

    /** Per node: resource usage, usage of workloads moving away from it, milli used per GPU, workload power. */
    final Map<String, long[]> usage = new HashMap<>();

    final Map<String, long[]> heldByLeaving = new HashMap<>();
    final Map<String, int[]> gpuMilli = new HashMap<>();
    final Map<String, Long> workloadPower = new HashMap<>();
    /** Moved workloads per service, and GPU milli used per GPU class ("count x type"). */
    final Map<String, Integer> serviceMoved = new HashMap<>();

    final Map<String, Long> gpuClassUsed = new HashMap<>();

    CheckContext(PlacementRequest req, PlacementPlan plan) {
        this.req = req;
        this.resources = PlacementRequest.resourceIds(req);
        this.gpuResource = PlacementRequest.gpuResourceIndex(req);
        req.nodes().forEach(n -> nodes.put(n.id(), n));
        plan.assignments().forEach(a -> byWorkload.put(a.workload(), a));
        this.weights = req.weights() == null ? Map.of() : req.weights();
    }

    /** Migration cost between two nodes; a pair the request does not list costs 0. */
    long moveCost(String from, String to) {
        if (moveCosts == null) {
            moveCosts = new HashMap<>();
            for (PlacementRequest.MoveCostDto m : orEmpty(req.moveCosts())) {
                moveCosts.putIfAbsent(List.of(m.from(), m.to()), m.cost());
            }
        }
        return moveCosts.getOrDefault(List.of(from, to), 0L);
    }

    /** What leaving {@code w} pending costs: its priority's lexicographic weight. */
    long pendingWeight(PlacementRequest.WorkloadDto w) {
        if (pendingWeights == null) {
            pendingWeights = KubernetesChecks.pendingWeights(req);
        }
        return pendingWeights.get(KubernetesChecks.priority(w));
    }

    long weight(String name) {
        return weights.getOrDefault(name, 1L);
    }

    /** A broken hard rule: counts {@code amount} times the rule's weight; a rule weighted 0 is switched off. */
    void violate(String rule, long amount, String sentence) {
        long w = weight(rule);
        if (w == 0) {
            return;
        }
        hard += w * amount;
        violations.add(sentence);
    }

    long[] vector(Map<String, Long> amounts) {
        long[] v = new long[resources.size()];
        if (amounts != null) {
            for (int r = 0; r < v.length; r++) {
                v[r] = amounts.getOrDefault(resources.get(r), 0L);
            }
        }
        return v;
    }

    static void add(long[] into, long[] v) {
        for (int r = 0; r < into.length; r++) {
            into[r] += v[r];
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String domainOf(PlacementRequest.NodeDto n) {
        return n.networkDomain() == null ? n.zone() : n.networkDomain();
    }

    static String stateOf(PlacementRequest.NodeDto n) {
        return n.state() == null ? "ACTIVE" : n.state();
    }

    static int gpusOf(PlacementRequest.NodeDto n) {
        return n.gpus() == null ? 0 : n.gpus();
    }
}
