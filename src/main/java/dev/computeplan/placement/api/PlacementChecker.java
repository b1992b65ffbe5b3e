package dev.computeplan.placement.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.computeplan.placement.api.PlacementValidator.orEmpty;

/**
 * Re-checks a plan against its request with plain loops, independently of the Timefold constraints: every hard
 * rule (in the same units as the hard score), the pending priority (medium) and the soft costs at default weights.
 * Unlike the engine it checks the plan's reported GPU indices, not a re-packing.
 */
public final class PlacementChecker {

    private PlacementChecker() {
    }

    /**
     * @param hard       total hard violation (0 = feasible), in the hard score's units
     * @param medium     total priority of pending workloads
     * @param soft       soft cost at default weights
     * @param violations one sentence per broken hard rule
     */
    public record Report(long hard, long medium, long soft, List<String> violations) {
        public boolean feasible() {
            return hard == 0;
        }
    }

    public static Report check(PlacementRequest req, PlacementPlan plan) {
        List<String> resources = PlacementValidator.resourceIds(req);
        int rc = resources.size();
        int gpuResource = PlacementValidator.gpuResourceIndex(req);
        Map<String, PlacementRequest.NodeDto> nodes = new HashMap<>();
        req.nodes().forEach(n -> nodes.put(n.id(), n));
        Map<String, PlacementPlan.Assignment> byWorkload = new HashMap<>();
        plan.assignments().forEach(a -> byWorkload.put(a.workload(), a));
        Map<String, PlacementRequest.ServiceDto> services = new HashMap<>();
        orEmpty(req.services()).forEach(s -> services.put(s.id(), s));
        Map<String, PlacementRequest.RackDto> racks = new HashMap<>();
        orEmpty(req.racks()).forEach(r -> racks.put(r.id(), r));
        Map<String, Long> weights = req.weights() == null ? Map.of() : req.weights();

        long[] hard = new long[1];
        List<String> violations = new ArrayList<>();
        long medium = 0;
        long soft = 0;

        Map<String, long[]> usage = new HashMap<>();
        Map<String, long[]> heldByLeaving = new HashMap<>();
        Map<String, int[]> gpuMilli = new HashMap<>();
        Map<String, Long> workloadPower = new HashMap<>();
        Map<String, Integer> serviceMoved = new HashMap<>();
        Map<String, Long> gpuClassUsed = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            PlacementPlan.Assignment a = byWorkload.get(w.id());
            String at = a == null ? null : a.node();
            long[] req0 = vector(w.requirements(), resources);
            if (gpuResource >= 0) {
                int gpus = w.gpus() == null ? 0 : w.gpus();
                req0[gpuResource] = gpus > 0 ? gpus * 1000L : (w.gpuMilli() == null ? 0 : w.gpuMilli());
            }
            if (at == null) {
                medium += w.priority() == null ? 1 : w.priority();
                continue;
            }
            PlacementRequest.NodeDto n = nodes.get(at);
            add(usage.computeIfAbsent(at, k -> new long[rc]), req0);
            workloadPower.merge(at, w.powerWatts() == null ? 0L : w.powerWatts(), Long::sum);
            boolean moved = w.currentNode() != null && !w.currentNode().equals(at);
            if (moved) {
                add(heldByLeaving.computeIfAbsent(w.currentNode(), k -> new long[rc]), req0);
                soft += weight(weights, "processMove") * (w.moveCost() == null ? 0 : w.moveCost());
                soft += weight(weights, "machineMove") * moveCost(req, w.currentNode(), at);
                if (w.service() != null) {
                    serviceMoved.merge(w.service(), 1, Integer::sum);
                }
            }
            int gpus = w.gpus() == null ? 0 : w.gpus();
            int milli = w.gpuMilli() == null ? 0 : w.gpuMilli();
            int nodeGpus = n.gpus() == null ? 0 : n.gpus();
            int[] perGpu = gpuMilli.computeIfAbsent(at, k -> new int[nodeGpus]);
            List<Integer> idx = a.gpuIndices() == null ? List.of() : a.gpuIndices();
            if (gpus > 0 || milli > 0) {
                gpuClassUsed.merge(nodeGpus + "x" + n.gpuType(), gpus > 0 ? gpus * 1000L : milli, Long::sum);
                int expected = gpus > 0 ? gpus : 1;
                if (idx.size() != expected || idx.stream().anyMatch(g -> g < 0 || g >= nodeGpus)
                        || new HashSet<>(idx).size() != idx.size()) {
                    violate(hard, violations, gpus > 0 ? gpus * 1000L : milli,
                            "workload %s has no valid GPU indices on %s".formatted(w.id(), at));
                } else {
                    for (int g : idx) {
                        perGpu[g] += gpus > 0 ? 1000 : milli;
                    }
                }
                List<String> allowed = orEmpty(w.allowedGpuTypes());
                if (!allowed.isEmpty() && !allowed.contains(n.gpuType())) {
                    violate(hard, violations, 1, "workload %s on GPU type %s, allowed %s".formatted(w.id(), n.gpuType(), allowed));
                }
                List<String> preferred = orEmpty(w.preferredGpuTypes());
                if (!preferred.isEmpty() && !preferred.contains(n.gpuType())) {
                    soft += weight(weights, "preferredGpuType");
                }
            }
            String state = n.state() == null ? "ACTIVE" : n.state();
            if (state.equals("FAILED") || state.equals("DRAINING") || (state.equals("CORDONED") && !at.equals(w.currentNode()))) {
                violate(hard, violations, 1, "workload %s on %s node %s".formatted(w.id(), state, at));
            }
        }
        // capacity, transient, GPUs, load cost, balance, power, fragmentation per node
        Map<String, Long> rackDraw = new HashMap<>();
        Map<String, Long> zoneFreeGpus = new HashMap<>();
        for (PlacementRequest.NodeDto n : req.nodes()) {
            long[] cap = vector(n.capacity(), resources);
            long[] safety = n.safetyCapacity() == null ? cap : vector(n.safetyCapacity(), resources);
            if (gpuResource >= 0) {
                cap[gpuResource] = 1000L * (n.gpus() == null ? 0 : n.gpus());
                safety[gpuResource] = cap[gpuResource];
            }
            long[] u = usage.getOrDefault(n.id(), new long[rc]);
            long[] held = heldByLeaving.getOrDefault(n.id(), new long[rc]);
            for (int r = 0; r < rc; r++) {
                if (u[r] > cap[r] && r != gpuResource) {
                    violate(hard, violations, u[r] - cap[r], "node %s over %s capacity by %d".formatted(n.id(), resources.get(r), u[r] - cap[r]));
                }
                if (isTransient(req, resources.get(r)) && u[r] + held[r] > cap[r]) {
                    long extra = (u[r] + held[r] - cap[r]) - Math.max(0, u[r] - cap[r]);
                    violate(hard, violations, extra, "node %s over %s capacity by %d counting workloads moving away"
                            .formatted(n.id(), resources.get(r), extra));
                }
                long w = loadWeight(req, resources.get(r));
                if (u[r] > safety[r]) {
                    soft += weight(weights, "loadCost") * w * (u[r] - safety[r]);
                }
            }
            for (PlacementRequest.BalanceDto b : orEmpty(req.balanceObjectives())) {
                int r1 = resources.indexOf(b.resource1());
                int r2 = resources.indexOf(b.resource2());
                long s = b.target() * (cap[r1] - u[r1]) - (cap[r2] - u[r2]);
                if (s > 0) {
                    soft += weight(weights, "balanceCost") * b.weight() * s;
                }
            }
            int nodeGpus = n.gpus() == null ? 0 : n.gpus();
            int[] perGpu = gpuMilli.getOrDefault(n.id(), new int[nodeGpus]);
            for (int g = 0; g < perGpu.length; g++) {
                if (perGpu[g] > 1000) {
                    violate(hard, violations, perGpu[g] - 1000, "GPU %d of node %s holds %d milli".formatted(g, n.id(), perGpu[g]));
                }
            }
            boolean busy = usage.containsKey(n.id());
            long draw = busy ? (n.idlePowerWatts() == null ? 0 : n.idlePowerWatts()) + workloadPower.get(n.id()) : 0;
            soft += weight(weights, "powerDraw") * draw;
            if (n.rack() != null) {
                rackDraw.merge(n.rack(), draw, Long::sum);
            }
            String state = n.state() == null ? "ACTIVE" : n.state();
            if (state.equals("ACTIVE") && nodeGpus > 0) {
                long free = Arrays.stream(perGpu).filter(m -> m == 0).count();
                zoneFreeGpus.merge(n.zone(), free, Long::sum);
                soft += weight(weights, "fragmentation") * fragmentation(req, resources, cap, u, perGpu, n.gpuType());
            }
        }
        rackDraw.forEach((rack, draw) -> {
            long capW = racks.get(rack).powerCapWatts() == null ? 0 : racks.get(rack).powerCapWatts();
            if (capW > 0 && draw > capW) {
                violate(hard, violations, draw - capW, "rack %s draws %d W over cap %d W".formatted(rack, draw, capW));
            }
        });
        for (PlacementRequest.ReserveDto r : orEmpty(req.spareReserves())) {
            long free = zoneFreeGpus.getOrDefault(r.zone(), 0L);
            if (free < r.gpus()) {
                violate(hard, violations, r.gpus() - free, "zone %s keeps %d free GPUs, reserve %d".formatted(r.zone(), free, r.gpus()));
            }
        }
        soft += weight(weights, "gpuClassBalance") * gpuClassBalance(req, gpuClassUsed);
        soft += weight(weights, "serviceMove") * serviceMoved.values().stream().mapToLong(Integer::longValue).max().orElse(0);
        checkServices(req, byWorkload, nodes, services, hard, violations);
        checkGangs(req, byWorkload, nodes, hard, violations);
        return new Report(hard[0], medium * weight(weights, "unassignedWorkload"), soft, violations);
    }

    private static void checkServices(PlacementRequest req, Map<String, PlacementPlan.Assignment> byWorkload,
            Map<String, PlacementRequest.NodeDto> nodes, Map<String, PlacementRequest.ServiceDto> services, long[] hard,
            List<String> violations) {
        Map<String, List<String>> nodesOf = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            PlacementPlan.Assignment a = byWorkload.get(w.id());
            if (w.service() != null && a != null && a.node() != null) {
                nodesOf.computeIfAbsent(w.service(), k -> new ArrayList<>()).add(a.node());
            }
        }
        Map<String, Set<String>> domainsOf = new HashMap<>();
        nodesOf.forEach((s, list) -> {
            Set<String> domains = new HashSet<>();
            list.forEach(n -> domains.add(domainOf(nodes.get(n))));
            domainsOf.put(s, domains);
        });
        for (PlacementRequest.ServiceDto s : orEmpty(req.services())) {
            List<String> at = nodesOf.getOrDefault(s.id(), List.of());
            if (Boolean.TRUE.equals(s.antiAffinity())) {
                Map<String, Integer> perNode = new HashMap<>();
                at.forEach(n -> perNode.merge(n, 1, Integer::sum));
                perNode.forEach((n, c) -> {
                    if (c > 1) {
                        violate(hard, violations, (long) c * (c - 1) / 2, "service %s has %d workloads on %s".formatted(s.id(), c, n));
                    }
                });
            }
            int spread = s.spreadMin() == null ? 0 : s.spreadMin();
            long zones = at.stream().map(n -> nodes.get(n).zone()).distinct().count();
            int required = Math.min(spread, at.size());
            if (spread > 1 && zones < required) {
                violate(hard, violations, required - zones, "service %s in %d zones, needs %d".formatted(s.id(), zones, required));
            }
            for (String dep : new HashSet<>(orEmpty(s.dependsOn()))) {
                for (String domain : domainsOf.getOrDefault(s.id(), Set.of())) {
                    if (!domainsOf.getOrDefault(dep, Set.of()).contains(domain)) {
                        violate(hard, violations, 1, "domain %s hosts %s without %s".formatted(domain, s.id(), dep));
                    }
                }
            }
        }
    }

    private static void checkGangs(PlacementRequest req, Map<String, PlacementPlan.Assignment> byWorkload,
            Map<String, PlacementRequest.NodeDto> nodes, long[] hard, List<String> violations) {
        for (PlacementRequest.GangDto g : orEmpty(req.gangs())) {
            int members = 0;
            List<String> placedOn = new ArrayList<>();
            for (PlacementRequest.WorkloadDto w : req.workloads()) {
                if (g.id().equals(w.gang())) {
                    members++;
                    PlacementPlan.Assignment a = byWorkload.get(w.id());
                    if (a != null && a.node() != null) {
                        placedOn.add(a.node());
                    }
                }
            }
            if (!placedOn.isEmpty() && placedOn.size() < members) {
                violate(hard, violations, members - placedOn.size(), "gang %s has %d of %d placed".formatted(g.id(), placedOn.size(), members));
            }
            String topology = g.topology() == null ? "ANY" : g.topology();
            if (!topology.equals("ANY") && !placedOn.isEmpty()) {
                long domains = placedOn.stream().map(n -> topology.equals("SAME_RACK")
                        ? (nodes.get(n).rack() == null ? "node:" + n : nodes.get(n).rack()) : domainOf(nodes.get(n))).distinct().count();
                if (domains > 1) {
                    violate(hard, violations, domains - 1, "gang %s spans %d %s".formatted(g.id(), domains, topology));
                }
            }
        }
    }

    /**
     * Sum over GPU classes (count x type) of floor(P x used^2 / capacity), P = total popularity of the probes that
     * may run on the class's type.
     */
    private static long gpuClassBalance(PlacementRequest req, Map<String, Long> used) {
        Map<String, Long> capacity = new HashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        for (PlacementRequest.NodeDto n : req.nodes()) {
            if (n.gpus() != null && n.gpus() > 0) {
                capacity.merge(n.gpus() + "x" + n.gpuType(), n.gpus() * 1000L, Long::sum);
                typeOf.put(n.gpus() + "x" + n.gpuType(), n.gpuType());
            }
        }
        long total = 0;
        for (Map.Entry<String, Long> e : used.entrySet()) {
            Long cap = capacity.get(e.getKey());
            long p = orEmpty(req.fragmentationProbes()).stream().filter(q -> q.allowsGpuType(typeOf.get(e.getKey())))
                    .mapToLong(PlacementRequest.ProbeDto::popularity).sum();
            if (p > 0 && cap != null) {
                total += java.math.BigInteger.valueOf(p).multiply(java.math.BigInteger.valueOf(e.getValue()).pow(2))
                        .divide(java.math.BigInteger.valueOf(cap)).longValueExact();
            }
        }
        return total;
    }

    /** FGD-style fragment of one node, summed over the probes with their popularity. */
    private static long fragmentation(PlacementRequest req, List<String> resources, long[] cap, long[] u, int[] perGpu,
            String gpuType) {
        long total = 0;
        long freeAll = 0;
        int freeWhole = 0;
        for (int m : perGpu) {
            freeAll += 1000 - Math.min(m, 1000);
            freeWhole += m == 0 ? 1 : 0;
        }
        if (freeAll == 0) {
            return 0;
        }
        for (PlacementRequest.ProbeDto p : orEmpty(req.fragmentationProbes())) {
            if (!p.allowsGpuType(gpuType)) {
                continue;
            }
            long[] need = vector(p.requirements(), resources);
            boolean fits = true;
            for (int r = 0; r < need.length; r++) {
                fits &= need[r] <= cap[r] - u[r];
            }
            int gpus = p.gpus() == null ? 0 : p.gpus();
            int milli = p.gpuMilli() == null ? 0 : p.gpuMilli();
            long fragment;
            if (!fits || (gpus == 0 && milli == 0) || (gpus > 0 && freeWhole < gpus)) {
                fragment = freeAll;
            } else {
                int needPerGpu = gpus > 0 ? 1000 : milli;
                fragment = 0;
                for (int m : perGpu) {
                    long free = 1000 - Math.min(m, 1000);
                    if (free < needPerGpu) {
                        fragment += free;
                    }
                }
            }
            total += p.popularity() * fragment;
        }
        return total;
    }

    private static String domainOf(PlacementRequest.NodeDto n) {
        return n.networkDomain() == null ? n.zone() : n.networkDomain();
    }

    private static long moveCost(PlacementRequest req, String from, String to) {
        for (PlacementRequest.MoveCostDto m : orEmpty(req.moveCosts())) {
            if (m.from().equals(from) && m.to().equals(to)) {
                return m.cost();
            }
        }
        return 0;
    }

    private static boolean isTransient(PlacementRequest req, String resource) {
        return orEmpty(req.resources()).stream().anyMatch(r -> r.id().equals(resource) && Boolean.TRUE.equals(r.transientUsage()));
    }

    private static long loadWeight(PlacementRequest req, String resource) {
        return orEmpty(req.resources()).stream().filter(r -> r.id().equals(resource) && r.loadCostWeight() != null)
                .mapToLong(PlacementRequest.ResourceDto::loadCostWeight).findFirst().orElse(0L);
    }

    private static long weight(Map<String, Long> weights, String name) {
        return weights.getOrDefault(name, 1L);
    }

    private static void violate(long[] hard, List<String> violations, long amount, String sentence) {
        hard[0] += amount;
        violations.add(sentence);
    }

    private static void add(long[] into, long[] v) {
        for (int r = 0; r < into.length; r++) {
            into[r] += v[r];
        }
    }

    private static long[] vector(Map<String, Long> amounts, List<String> resources) {
        long[] v = new long[resources.size()];
        if (amounts != null) {
            for (int r = 0; r < v.length; r++) {
                v[r] = amounts.getOrDefault(resources.get(r), 0L);
            }
        }
        return v;
    }
}
