package dev.computeplan.placement.api;

import dev.computeplan.common.Violation;
import dev.computeplan.placement.domain.GangTopology;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The rules of a placement request that Bean Validation cannot express: references, duplicates, ranges. */
public final class PlacementValidator {

    private PlacementValidator() {}

    public static List<Violation> validate(PlacementRequest req) {
        List<Violation> out = new ArrayList<>();
        Set<String> resources = new LinkedHashSet<>(PlacementRequest.declaredResourceIds(req));
        if (req.resources() != null) {
            unique(req.resources(), PlacementRequest.ResourceDto::id, "$.resources", out);
        }
        Set<String> nodes = unique(req.nodes(), PlacementRequest.NodeDto::id, "$.nodes", out);
        Set<String> racks = unique(orEmpty(req.racks()), PlacementRequest.RackDto::id, "$.racks", out);
        Set<String> services = unique(orEmpty(req.services()), PlacementRequest.ServiceDto::id, "$.services", out);
        Set<String> gangs = unique(orEmpty(req.gangs()), PlacementRequest.GangDto::id, "$.gangs", out);
        unique(req.workloads(), PlacementRequest.WorkloadDto::id, "$.workloads", out);
        Set<String> zones = nodes(req, resources, racks, out);
        Map<String, Integer> serviceSizes = workloads(req, resources, nodes, services, gangs, out);
        services(req, services, serviceSizes, out);
        gangsBalancesAndProbes(req, resources, out);
        reservesMovesAndWeights(req, nodes, zones, out);
        KubernetesValidator.validate(req, out);
        return out;
    }

    /** Checks every node; returns the zones named. */
    private static Set<String> nodes(
            PlacementRequest req, Set<String> resources, Set<String> racks, List<Violation> out) {
        Set<String> zones = new HashSet<>();
        for (int i = 0; i < req.nodes().size(); i++) {
            PlacementRequest.NodeDto n = req.nodes().get(i);
            String path = "$.nodes[" + i + "]";
            zones.add(n.zone());
            knownKeys(n.capacity(), resources, path + ".capacity", out);
            knownKeys(n.safetyCapacity(), resources, path + ".safetyCapacity", out);
            if (n.rack() != null && !racks.contains(n.rack())) {
                out.add(new Violation(path + ".rack", "unknown rack '" + n.rack() + "'"));
            }
            if (n.state() != null && !isEnum(NodeState.class, n.state())) {
                out.add(new Violation(path + ".state", "must be one of ACTIVE, CORDONED, DRAINING, FAILED"));
            }
            if (n.gpus() != null
                    && n.gpus() > 0
                    && (n.gpuType() == null || n.gpuType().isBlank())) {
                out.add(new Violation(path + ".gpuType", "a node with GPUs needs a gpuType"));
            }
            if (n.gpus() != null && n.gpus() > 1024) {
                out.add(new Violation(path + ".gpus", "must be at most 1024"));
            }
        }
        return zones;
    }

    /** Checks every workload; returns the number of workloads per service. */
    private static Map<String, Integer> workloads(
            PlacementRequest req,
            Set<String> resources,
            Set<String> nodes,
            Set<String> services,
            Set<String> gangs,
            List<Violation> out) {
        Map<String, Integer> serviceSizes = new HashMap<>();
        for (int i = 0; i < req.workloads().size(); i++) {
            PlacementRequest.WorkloadDto w = req.workloads().get(i);
            String path = "$.workloads[" + i + "]";
            knownKeys(w.requirements(), resources, path + ".requirements", out);
            int gpus = w.gpus() == null ? 0 : w.gpus();
            int milli = w.gpuMilli() == null ? 0 : w.gpuMilli();
            if (milli >= 1000) {
                out.add(new Violation(
                        path + ".gpuMilli", "a fractional share must be 1..999 (use gpus for whole GPUs)"));
            }
            if (milli > 0 && gpus > 0) {
                out.add(new Violation(path + ".gpuMilli", "give either whole gpus or a gpuMilli share, not both"));
            }
            if (w.service() != null) {
                if (!services.contains(w.service())) {
                    out.add(new Violation(path + ".service", "unknown service '" + w.service() + "'"));
                }
                serviceSizes.merge(w.service(), 1, Integer::sum);
            }
            if (w.gang() != null && !gangs.contains(w.gang())) {
                out.add(new Violation(path + ".gang", "unknown gang '" + w.gang() + "'"));
            }
            if (w.currentNode() != null && !nodes.contains(w.currentNode())) {
                out.add(new Violation(path + ".currentNode", "unknown node '" + w.currentNode() + "'"));
            }
            if (Boolean.TRUE.equals(w.pinned()) && w.currentNode() == null) {
                out.add(new Violation(path + ".pinned", "a pinned workload needs a currentNode to stay on"));
            }
        }
        return serviceSizes;
    }

    private static void services(
            PlacementRequest req, Set<String> services, Map<String, Integer> serviceSizes, List<Violation> out) {
        List<PlacementRequest.ServiceDto> serviceList = orEmpty(req.services());
        long zones = orEmpty(req.nodes()).stream()
                .map(PlacementRequest.NodeDto::zone)
                .distinct()
                .count();
        for (int i = 0; i < serviceList.size(); i++) {
            PlacementRequest.ServiceDto s = serviceList.get(i);
            String path = "$.services[" + i + "]";
            List<String> deps = orEmpty(s.dependsOn());
            for (int d = 0; d < deps.size(); d++) {
                if (!services.contains(deps.get(d))) {
                    out.add(new Violation(path + ".dependsOn[" + d + "]", "unknown service '" + deps.get(d) + "'"));
                } else if (deps.get(d).equals(s.id())) {
                    out.add(new Violation(path + ".dependsOn[" + d + "]", "a service cannot depend on itself"));
                }
            }
            int spread = s.spreadMin() == null ? 0 : s.spreadMin();
            int size = serviceSizes.getOrDefault(s.id(), 0);
            if (spread > size) {
                out.add(new Violation(
                        path + ".spreadMin",
                        "spreadMin " + spread + " exceeds the service's " + size + " workloads: it could never hold"));
            } else if (spread > zones) {
                out.add(new Violation(
                        path + ".spreadMin",
                        "spreadMin " + spread + " exceeds the cluster's " + zones + " zones: it could never hold"));
            }
        }
    }

    private static void gangsBalancesAndProbes(PlacementRequest req, Set<String> resources, List<Violation> out) {
        List<PlacementRequest.GangDto> gangList = orEmpty(req.gangs());
        for (int i = 0; i < gangList.size(); i++) {
            String t = gangList.get(i).topology();
            if (t != null && !isEnum(GangTopology.class, t)) {
                out.add(new Violation(
                        "$.gangs[" + i + "].topology", "must be one of ANY, SAME_RACK, SAME_NETWORK_DOMAIN"));
            }
        }
        List<PlacementRequest.BalanceDto> balances = orEmpty(req.balanceObjectives());
        for (int i = 0; i < balances.size(); i++) {
            PlacementRequest.BalanceDto b = balances.get(i);
            if (!resources.contains(b.resource1()) && !GPU.equals(b.resource1())) {
                out.add(new Violation(
                        "$.balanceObjectives[" + i + "].resource1", "unknown resource '" + b.resource1() + "'"));
            }
            if (!resources.contains(b.resource2()) && !GPU.equals(b.resource2())) {
                out.add(new Violation(
                        "$.balanceObjectives[" + i + "].resource2", "unknown resource '" + b.resource2() + "'"));
            }
        }
        List<PlacementRequest.ProbeDto> probes = orEmpty(req.fragmentationProbes());
        for (int i = 0; i < probes.size(); i++) {
            PlacementRequest.ProbeDto p = probes.get(i);
            knownKeys(p.requirements(), resources, "$.fragmentationProbes[" + i + "].requirements", out);
            if (p.gpuMilli() != null && p.gpuMilli() >= 1000) {
                out.add(new Violation(
                        "$.fragmentationProbes[" + i + "].gpuMilli", "a fractional share must be 1..999"));
            }
        }
    }

    private static void reservesMovesAndWeights(
            PlacementRequest req, Set<String> nodes, Set<String> zones, List<Violation> out) {
        List<PlacementRequest.ReserveDto> reserves = orEmpty(req.spareReserves());
        for (int i = 0; i < reserves.size(); i++) {
            if (!zones.contains(reserves.get(i).zone())) {
                out.add(new Violation(
                        "$.spareReserves[" + i + "].zone",
                        "no node is in zone '" + reserves.get(i).zone() + "'"));
            }
        }
        List<PlacementRequest.MoveCostDto> moves = orEmpty(req.moveCosts());
        for (int i = 0; i < moves.size(); i++) {
            if (!nodes.contains(moves.get(i).from())) {
                out.add(new Violation(
                        "$.moveCosts[" + i + "].from",
                        "unknown node '" + moves.get(i).from() + "'"));
            }
            if (!nodes.contains(moves.get(i).to())) {
                out.add(new Violation(
                        "$.moveCosts[" + i + "].to",
                        "unknown node '" + moves.get(i).to() + "'"));
            }
        }
        if (req.weights() != null) {
            for (String name : req.weights().keySet()) {
                if (!PlacementConstraintProvider.NAMES.contains(name)) {
                    out.add(new Violation(
                            "$.weights." + name, "unknown constraint; known: " + PlacementConstraintProvider.NAMES));
                }
            }
        }
    }

    /** The undeclared GPU resource a balance objective may name ({@link PlacementRequest#GPU}). */
    public static final String GPU = PlacementRequest.GPU;

    public static List<String> resourceIds(PlacementRequest req) {
        return PlacementRequest.resourceIds(req);
    }

    public static int gpuResourceIndex(PlacementRequest req) {
        return PlacementRequest.gpuResourceIndex(req);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> Set<String> unique(List<T> items, Function<T, String> id, String path, List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value != null && !seen.add(value)) {
                out.add(new Violation(path + "[" + i + "].id", "duplicate id '" + value + "'"));
            }
        }
        return seen;
    }

    private static void knownKeys(Map<String, Long> amounts, Set<String> resources, String path, List<Violation> out) {
        if (amounts == null) {
            return;
        }
        for (String key : amounts.keySet()) {
            if (!resources.contains(key)) {
                out.add(new Violation(path + "." + key, "unknown resource '" + key + "'; known: " + resources));
            }
        }
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
