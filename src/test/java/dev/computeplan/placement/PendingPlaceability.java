package dev.computeplan.placement;

import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pending workloads of an answer could run as things stand, judged from the wire request and answer only
 * (nothing of the engine): a plain workload alone on some node, a pending gang with all its members together
 * (largest first, each on the first node of one rack or network domain, or anywhere, where it fits). "Fits" keeps
 * every hard rule: node state, GPU type, capacity (transient included), whole GPUs free and fractional shares on
 * one GPU per the answer's GPU indices, anti-affinity, spread, dependencies, rack power caps and zone spare reserves.
 */
public final class PendingPlaceability {

    private final PlacementRequest req;
    private final List<String> resources;
    private final Set<String> transientResources = new HashSet<>();
    private final Map<String, PlacementRequest.NodeDto> nodes = new LinkedHashMap<>();
    private final Map<String, PlacementRequest.ServiceDto> services = new HashMap<>();
    private final Map<String, Long> rackCap = new HashMap<>();
    private final Map<String, Integer> reserve = new HashMap<>();
    private final Map<String, long[]> usage = new HashMap<>();
    private final Map<String, long[]> held = new HashMap<>();
    private final Map<String, int[]> gpu = new HashMap<>();
    private final Map<String, Long> power = new HashMap<>();
    private final Map<String, Long> rackDraw = new HashMap<>();
    private final Map<String, Integer> zoneFree = new HashMap<>();
    private final Map<String, Set<String>> servicesOn = new HashMap<>();
    private final Map<String, Set<String>> serviceZones = new HashMap<>();
    private final Map<String, Integer> serviceAssigned = new HashMap<>();
    private final Map<String, Set<String>> serviceDomains = new HashMap<>();

    private PendingPlaceability(PlacementRequest req) {
        this.req = req;
        this.resources = PlacementRequest.resourceIds(req);
        orList(req.resources()).forEach(r -> {
            if (Boolean.TRUE.equals(r.transientUsage())) {
                transientResources.add(r.id());
            }
        });
        req.nodes().forEach(n -> nodes.put(n.id(), n));
        orList(req.services()).forEach(s -> services.put(s.id(), s));
        orList(req.racks()).forEach(r -> rackCap.put(r.id(), r.powerCapWatts() == null ? 0L : r.powerCapWatts()));
        orList(req.spareReserves()).forEach(r -> reserve.merge(r.zone(), r.gpus(), Math::max));
    }

    /** The ids of pending workloads (every member of a placeable gang) that fit somewhere given {@code plan}. */
    public static List<String> placeable(PlacementRequest req, PlacementPlan plan) {
        PendingPlaceability p = new PendingPlaceability(req);
        Map<String, PlacementPlan.Assignment> byId = new HashMap<>();
        plan.assignments().forEach(a -> byId.put(a.workload(), a));
        p.load(byId);
        List<String> out = new ArrayList<>();
        Map<String, List<PlacementRequest.WorkloadDto>> pendingGangs = new LinkedHashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            if (byId.get(w.id()).node() != null) {
                continue;
            }
            if (w.gang() != null) {
                pendingGangs.computeIfAbsent(w.gang(), g -> new ArrayList<>()).add(w);
            } else if (p.nodes.values().stream().anyMatch(n -> p.fits(w, n, Map.of()))) {
                out.add(w.id());
            }
        }
        Map<String, String> topology = new HashMap<>();
        orList(req.gangs()).forEach(g -> topology.put(g.id(), g.topology() == null ? "ANY" : g.topology()));
        pendingGangs.forEach((gang, members) -> {
            if (p.gangFits(members, topology.get(gang))) {
                members.forEach(w -> out.add(w.id()));
            }
        });
        return out;
    }

    /** For each pending plain workload that fits somewhere, the first node it fits on (to say why in a failure). */
    public static Map<String, String> firstFit(PlacementRequest req, PlacementPlan plan) {
        PendingPlaceability p = new PendingPlaceability(req);
        Map<String, PlacementPlan.Assignment> byId = new HashMap<>();
        plan.assignments().forEach(a -> byId.put(a.workload(), a));
        p.load(byId);
        Map<String, String> out = new LinkedHashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            if (byId.get(w.id()).node() == null && w.gang() == null) {
                p.nodes.values().stream()
                        .filter(n -> p.fits(w, n, Map.of()))
                        .findFirst()
                        .ifPresent(n -> out.put(w.id(), n.id()));
            }
        }
        return out;
    }

    private void load(Map<String, PlacementPlan.Assignment> byId) {
        for (PlacementRequest.NodeDto n : req.nodes()) {
            usage.put(n.id(), new long[resources.size()]);
            held.put(n.id(), new long[resources.size()]);
            gpu.put(n.id(), new int[n.gpus() == null ? 0 : n.gpus()]);
        }
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            PlacementPlan.Assignment a = byId.get(w.id());
            if (a.node() == null) {
                continue;
            }
            add(w, a.node(), a.gpuIndices());
            if (w.currentNode() != null && !w.currentNode().equals(a.node())) {
                long[] h = held.get(w.currentNode());
                for (int r = 0; r < resources.size(); r++) {
                    h[r] += req(w, r);
                }
            }
        }
        for (PlacementRequest.NodeDto n : req.nodes()) {
            if (powered(n) && n.rack() != null) {
                rackDraw.merge(n.rack(), idle(n) + power.getOrDefault(n.id(), 0L), Long::sum);
            }
            if (active(n) && gpu.get(n.id()).length > 0) {
                zoneFree.merge(n.zone(), freeGpus(gpu.get(n.id())), Integer::sum);
            }
        }
    }

    private void add(PlacementRequest.WorkloadDto w, String nodeId, List<Integer> gpuIndices) {
        long[] u = usage.get(nodeId);
        for (int r = 0; r < resources.size(); r++) {
            u[r] += req(w, r);
        }
        int[] g = gpu.get(nodeId);
        for (int i : gpuIndices == null ? List.<Integer>of() : gpuIndices) {
            g[i] += gpus(w) > 0 ? 1000 : milli(w);
        }
        power.merge(nodeId, watts(w), Long::sum);
        PlacementRequest.NodeDto n = nodes.get(nodeId);
        if (w.service() != null) {
            servicesOn.computeIfAbsent(nodeId, k -> new HashSet<>()).add(w.service());
            serviceZones.computeIfAbsent(w.service(), k -> new HashSet<>()).add(n.zone());
            serviceDomains.computeIfAbsent(w.service(), k -> new HashSet<>()).add(domain(n));
            serviceAssigned.merge(w.service(), 1, Integer::sum);
        }
    }

    /** Members largest first, each on the first node (of one group) where it fits with the members before it. */
    private boolean gangFits(List<PlacementRequest.WorkloadDto> members, String topology) {
        Map<String, List<PlacementRequest.NodeDto>> groups = new LinkedHashMap<>();
        for (PlacementRequest.NodeDto n : nodes.values()) {
            String key = switch (topology) {
                case "SAME_RACK" -> n.rack() != null ? n.rack() : "node:" + n.id();
                case "SAME_NETWORK_DOMAIN" -> domain(n);
                default -> "all";
            };
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
        List<PlacementRequest.WorkloadDto> order = new ArrayList<>(members);
        order.sort((a, b) -> Long.compare(demand(b), demand(a)));
        for (List<PlacementRequest.NodeDto> group : groups.values()) {
            Map<String, List<PlacementRequest.WorkloadDto>> extra = new HashMap<>();
            boolean all = true;
            for (PlacementRequest.WorkloadDto w : order) {
                PlacementRequest.NodeDto at = null;
                for (PlacementRequest.NodeDto n : group) {
                    if (fits(w, n, extra)) {
                        at = n;
                        break;
                    }
                }
                if (at == null) {
                    all = false;
                    break;
                }
                extra.computeIfAbsent(at.id(), k -> new ArrayList<>()).add(w);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code w} fits on {@code n} with the answer's load plus {@code extra} (gang members placed before). */
    private boolean fits(
            PlacementRequest.WorkloadDto w,
            PlacementRequest.NodeDto n,
            Map<String, List<PlacementRequest.WorkloadDto>> extra) {
        boolean usesGpu = gpus(w) > 0 || milli(w) > 0;
        if (!active(n)
                || (usesGpu
                        && !orList(w.allowedGpuTypes()).isEmpty()
                        && (n.gpuType() == null || !w.allowedGpuTypes().contains(n.gpuType())))) {
            return false;
        }
        List<PlacementRequest.WorkloadDto> before = extra.getOrDefault(n.id(), List.of());
        long[] u = usage.get(n.id()).clone();
        int[] g = gpu.get(n.id()).clone();
        for (PlacementRequest.WorkloadDto b : before) {
            for (int r = 0; r < resources.size(); r++) {
                u[r] += req(b, r);
            }
            takeGpus(g, b);
        }
        for (int r = 0; r < resources.size(); r++) {
            long cap = n.capacity().getOrDefault(resources.get(r), 0L);
            long h = transientResources.contains(resources.get(r)) ? held.get(n.id())[r] : 0L;
            if (u[r] + req(w, r) + h > cap) {
                return false;
            }
        }
        if (usesGpu && !takeGpus(g, w)) {
            return false;
        }
        if (!serviceAllows(w, n)) {
            return false;
        }
        // Rack draw and zone free GPUs with the other nodes' earlier gang members and this one counted.
        long added = watts(w) + (powered(n) ? 0L : idle(n));
        int lost = freeGpus(gpu.get(n.id())) - freeGpus(g);
        for (Map.Entry<String, List<PlacementRequest.WorkloadDto>> e : extra.entrySet()) {
            PlacementRequest.NodeDto other = nodes.get(e.getKey());
            boolean otherSame = other == n;
            if (other.rack() != null && other.rack().equals(n.rack())) {
                added += otherSame || powered(other) ? 0L : idle(other);
                for (PlacementRequest.WorkloadDto b : e.getValue()) {
                    added += watts(b);
                }
            }
            if (!otherSame && other.zone().equals(n.zone())) {
                int[] og = gpu.get(other.id()).clone();
                e.getValue().forEach(b -> takeGpus(og, b));
                lost += freeGpus(gpu.get(other.id())) - freeGpus(og);
            }
        }
        if (n.rack() != null
                && rackCap.getOrDefault(n.rack(), 0L) > 0
                && rackDraw.getOrDefault(n.rack(), 0L) + added > rackCap.get(n.rack())) {
            return false;
        }
        return lost == 0 || zoneFree.getOrDefault(n.zone(), 0) - lost >= reserve.getOrDefault(n.zone(), 0);
    }

    /** Draws its idle power: busy, or idle and neither failed nor powered off when idle. */
    private boolean powered(PlacementRequest.NodeDto n) {
        return power.containsKey(n.id()) || !(Boolean.TRUE.equals(n.powerOffWhenIdle()) || "FAILED".equals(n.state()));
    }

    private boolean serviceAllows(PlacementRequest.WorkloadDto w, PlacementRequest.NodeDto n) {
        if (w.service() == null) {
            return true;
        }
        PlacementRequest.ServiceDto s = services.get(w.service());
        if (Boolean.TRUE.equals(s.antiAffinity())
                && servicesOn.getOrDefault(n.id(), Set.of()).contains(s.id())) {
            return false;
        }
        Set<String> zones = serviceZones.getOrDefault(s.id(), Set.of());
        int spread = s.spreadMin() == null ? 0 : s.spreadMin();
        int zonesAfter = zones.size() + (zones.contains(n.zone()) ? 0 : 1);
        if (spread > 1 && zonesAfter < Math.min(spread, serviceAssigned.getOrDefault(s.id(), 0) + 1)) {
            return false;
        }
        for (String dep : orList(s.dependsOn())) {
            if (!serviceDomains.getOrDefault(dep, Set.of()).contains(domain(n))) {
                return false;
            }
        }
        return true;
    }

    /** Takes free GPUs for whole-GPU demand, or the fullest GPU with room for a share; false if none. */
    private static boolean takeGpus(int[] g, PlacementRequest.WorkloadDto w) {
        if (gpus(w) > 0) {
            int left = gpus(w);
            for (int i = 0; i < g.length && left > 0; i++) {
                if (g[i] == 0) {
                    g[i] = 1000;
                    left--;
                }
            }
            return left == 0;
        }
        int best = -1;
        for (int i = 0; i < g.length; i++) {
            if (g[i] + milli(w) <= 1000 && (best < 0 || g[i] > g[best])) {
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        g[best] += milli(w);
        return true;
    }

    private long req(PlacementRequest.WorkloadDto w, int r) {
        return w.requirements() == null ? 0L : w.requirements().getOrDefault(resources.get(r), 0L);
    }

    private static int freeGpus(int[] g) {
        int free = 0;
        for (int m : g) {
            free += m == 0 ? 1 : 0;
        }
        return free;
    }

    private static boolean active(PlacementRequest.NodeDto n) {
        return n.state() == null || n.state().equals("ACTIVE");
    }

    private static String domain(PlacementRequest.NodeDto n) {
        return n.networkDomain() == null ? n.zone() : n.networkDomain();
    }

    private static long idle(PlacementRequest.NodeDto n) {
        return n.idlePowerWatts() == null ? 0L : n.idlePowerWatts();
    }

    private static int gpus(PlacementRequest.WorkloadDto w) {
        return w.gpus() == null ? 0 : w.gpus();
    }

    private static int milli(PlacementRequest.WorkloadDto w) {
        return w.gpuMilli() == null ? 0 : w.gpuMilli();
    }

    private static long watts(PlacementRequest.WorkloadDto w) {
        return w.powerWatts() == null ? 0L : w.powerWatts();
    }

    private static long demand(PlacementRequest.WorkloadDto w) {
        return gpus(w) > 0 ? 1000L * gpus(w) : milli(w);
    }

    private static <T> List<T> orList(List<T> list) {
        return list == null ? List.of() : list;
    }
}
