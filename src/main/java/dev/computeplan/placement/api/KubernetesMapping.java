package dev.computeplan.placement.api;

import static dev.computeplan.placement.api.PlacementValidator.orEmpty;

import dev.computeplan.placement.domain.DisruptionBudget;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PendingWeights;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.TopologySpread;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the Kubernetes-shaped parts of a request: pending weights, preemption policy, budgets, topology spread. */
final class KubernetesMapping {

    private KubernetesMapping() {}

    /** Pending weight per priority value (lexicographic priorities, see {@link PendingWeights}). */
    static Map<Long, Long> pendingWeights(PlacementRequest req) {
        Map<Long, Long> counts = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            counts.merge(priority(w), 1L, Long::sum);
        }
        return PendingWeights.of(counts);
    }

    static long priority(PlacementRequest.WorkloadDto w) {
        return w.priority() == null ? 1L : w.priority();
    }

    static boolean preempts(PlacementRequest.WorkloadDto w) {
        return !PlacementRequest.WorkloadDto.NEVER.equals(w.preemptionPolicy());
    }

    /** Attaches to each workload the budgets that cover it; allowed = maxUnavailable, or healthy - minAvailable. */
    static void budgets(PlacementRequest req, List<Workload> workloads) {
        Map<String, List<DisruptionBudget>> byWorkload = new HashMap<>();
        for (KubernetesRequest.DisruptionBudgetDto b : orEmpty(req.disruptionBudgets())) {
            List<Integer> covered = new ArrayList<>();
            int healthy = 0;
            for (int i = 0; i < req.workloads().size(); i++) {
                PlacementRequest.WorkloadDto w = req.workloads().get(i);
                if (b.covers(w.id(), w.labels())) {
                    covered.add(i);
                    Node current = workloads.get(i).getCurrentNode();
                    healthy +=
                            current != null && current.getState() != dev.computeplan.placement.domain.NodeState.FAILED
                                    ? 1
                                    : 0;
                }
            }
            int allowed = b.maxUnavailable() != null
                    ? b.maxUnavailable()
                    : Math.max(0, healthy - (b.minAvailable() == null ? 0 : b.minAvailable()));
            DisruptionBudget budget = new DisruptionBudget(b.id(), allowed);
            for (int i : covered) {
                byWorkload
                        .computeIfAbsent(req.workloads().get(i).id(), k -> new ArrayList<>())
                        .add(budget);
            }
        }
        for (Workload w : workloads) {
            List<DisruptionBudget> budgets = byWorkload.get(w.getId());
            if (budgets != null) {
                w.withBudgets(budgets);
            }
        }
    }

    /** Each service's topology spread constraints, with every node's domain resolved. */
    static List<TopologySpread> spreads(PlacementRequest req, Map<String, Node> nodes, Map<String, Service> services) {
        List<TopologySpread> out = new ArrayList<>();
        for (PlacementRequest.ServiceDto s : orEmpty(req.services())) {
            List<KubernetesRequest.TopologySpreadDto> spreads = orEmpty(s.topologySpread());
            boolean gpu = usesGpu(req, s.id());
            for (int j = 0; j < spreads.size(); j++) {
                KubernetesRequest.TopologySpreadDto t = spreads.get(j);
                int[] domainOf = new int[nodes.size()];
                Arrays.fill(domainOf, -1);
                Map<String, Integer> domains = new LinkedHashMap<>();
                for (PlacementRequest.NodeDto n : req.nodes()) {
                    String value = TopologyKeys.valueOf(n, t.topologyKey());
                    if (value != null && eligible(n, gpu)) {
                        domainOf[nodes.get(n.id()).getIndex()] = domains.computeIfAbsent(value, k -> domains.size());
                    }
                }
                out.add(new TopologySpread(
                        s.id() + "/" + t.topologyKey(),
                        services.get(s.id()),
                        t.topologyKey(),
                        t.maxSkew(),
                        t.hard(),
                        domainOf,
                        domains.size()));
            }
        }
        return out;
    }

    /** A node counts for a spread when it may run the service: not failed or draining, with GPUs if it needs them. */
    static boolean eligible(PlacementRequest.NodeDto n, boolean needsGpu) {
        boolean down = "FAILED".equals(n.state()) || "DRAINING".equals(n.state());
        return !down && (!needsGpu || (n.gpus() != null && n.gpus() > 0));
    }

    static boolean usesGpu(PlacementRequest req, String service) {
        return req.workloads().stream()
                .anyMatch(w -> service.equals(w.service())
                        && ((w.gpus() != null && w.gpus() > 0) || (w.gpuMilli() != null && w.gpuMilli() > 0)));
    }
}
