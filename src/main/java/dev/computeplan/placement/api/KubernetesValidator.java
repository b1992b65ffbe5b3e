package dev.computeplan.placement.api;

import static dev.computeplan.placement.api.PlacementValidator.orEmpty;

import dev.computeplan.common.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the Kubernetes-shaped parts of a request: preemption policies, budgets, topology spread. */
final class KubernetesValidator {

    private KubernetesValidator() {}

    static void validate(PlacementRequest req, List<Violation> out) {
        for (int i = 0; i < req.workloads().size(); i++) {
            String policy = req.workloads().get(i).preemptionPolicy();
            if (policy != null
                    && !policy.equals(PlacementRequest.WorkloadDto.NEVER)
                    && !policy.equals(PlacementRequest.WorkloadDto.PREEMPT_LOWER_PRIORITY)) {
                out.add(new Violation(
                        "$.workloads[" + i + "].preemptionPolicy", "must be PreemptLowerPriority or Never"));
            }
        }
        budgets(req, out);
        spreads(req, out);
    }

    private static void budgets(PlacementRequest req, List<Violation> out) {
        Set<String> workloads = new HashSet<>();
        req.workloads().forEach(w -> workloads.add(w.id()));
        Set<String> ids = new HashSet<>();
        List<KubernetesRequest.DisruptionBudgetDto> budgets = orEmpty(req.disruptionBudgets());
        for (int i = 0; i < budgets.size(); i++) {
            KubernetesRequest.DisruptionBudgetDto b = budgets.get(i);
            String path = "$.disruptionBudgets[" + i + "]";
            if (b.id() != null && !ids.add(b.id())) {
                out.add(new Violation(path + ".id", "duplicate id '" + b.id() + "'"));
            }
            if ((b.maxUnavailable() == null) == (b.minAvailable() == null)) {
                out.add(new Violation(path + ".maxUnavailable", "give exactly one of maxUnavailable and minAvailable"));
            }
            if (b.selector() == null && b.workloads() == null) {
                out.add(new Violation(path + ".selector", "give a selector or a list of workloads"));
            }
            List<String> listed = orEmpty(b.workloads());
            for (int j = 0; j < listed.size(); j++) {
                if (!workloads.contains(listed.get(j))) {
                    out.add(new Violation(path + ".workloads[" + j + "]", "unknown workload '" + listed.get(j) + "'"));
                }
            }
        }
    }

    /** A spread whose key no eligible node carries could never place a replica: refused rather than left pending. */
    private static void spreads(PlacementRequest req, List<Violation> out) {
        List<PlacementRequest.ServiceDto> services = orEmpty(req.services());
        for (int i = 0; i < services.size(); i++) {
            List<KubernetesRequest.TopologySpreadDto> spreads =
                    orEmpty(services.get(i).topologySpread());
            boolean gpu = KubernetesMapping.usesGpu(req, services.get(i).id());
            for (int j = 0; j < spreads.size(); j++) {
                KubernetesRequest.TopologySpreadDto t = spreads.get(j);
                String path = "$.services[" + i + "].topologySpread[" + j + "]";
                String when = t.whenUnsatisfiable();
                if (when != null
                        && !when.equals(KubernetesRequest.TopologySpreadDto.DO_NOT_SCHEDULE)
                        && !when.equals(KubernetesRequest.TopologySpreadDto.SCHEDULE_ANYWAY)) {
                    out.add(new Violation(path + ".whenUnsatisfiable", "must be DoNotSchedule or ScheduleAnyway"));
                }
                if (t.topologyKey() != null
                        && req.nodes().stream()
                                .noneMatch(n -> KubernetesMapping.eligible(n, gpu)
                                        && TopologyKeys.valueOf(n, t.topologyKey()) != null)) {
                    out.add(new Violation(
                            path + ".topologyKey",
                            "no node that may run service '" + services.get(i).id() + "' has topology key '"
                                    + t.topologyKey() + "': the spread could never hold"));
                }
            }
        }
    }
}
