package dev.computeplan.placement;

import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A placement request of the service's maximum size, seeded: zones split into network domains and power-capped
 * racks, nodes of several GPU types (and CPU-only ones, a few cordoned or draining), services with anti-affinity,
 * spread and dependencies, gangs of each topology, whole-GPU and fractional-share workloads, most of them running
 * (placed here by the generator so that the starting point keeps every hard rule) and the rest new, more than the
 * cluster can hold, so that the answer has pending work.
 */
public final class MaxSizeRequest {

    public static final int NODES = 5_000;
    public static final int WORKLOADS = 50_000;

    private static final int ZONES = 4;
    private static final int DOMAINS_PER_ZONE = 5;
    private static final int NODES_PER_RACK = 20;
    private static final String[] GPU_TYPES = {"A100", "H100", "V100", "T4"};
    private static final int[] GPU_COUNTS = {8, 8, 4, 2};

    private final Random random;
    private final int nodeCount;
    private final int workloadCount;
    private final List<PlacementRequest.NodeDto> nodes = new ArrayList<>();
    private final List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
    private final List<PlacementRequest.ServiceDto> services = new ArrayList<>();
    private final List<PlacementRequest.GangDto> gangs = new ArrayList<>();
    private final List<PlacementRequest.RackDto> racks = new ArrayList<>();
    /** Per node: cpu, memory used, milli per GPU, workload watts, services present (the generator's own book). */
    private final long[][] used;

    private final int[][] gpuUsed;
    private final long[] watts;
    private final List<Set<String>> servicesOn = new ArrayList<>();
    private final Map<String, Integer> zoneTurn = new HashMap<>();

    private MaxSizeRequest(long seed, int nodeCount, int workloadCount) {
        this.random = new Random(seed);
        this.nodeCount = nodeCount;
        this.workloadCount = workloadCount;
        this.used = new long[nodeCount][2];
        this.gpuUsed = new int[nodeCount][];
        this.watts = new long[nodeCount];
    }

    /** The maximum-size request. */
    public static PlacementRequest create(long seed) {
        return create(seed, NODES, WORKLOADS);
    }

    /** The same mix at another size (tests of the generator and small variants). */
    public static PlacementRequest create(long seed, int nodeCount, int workloadCount) {
        return new MaxSizeRequest(seed, nodeCount, workloadCount).build();
    }

    private PlacementRequest build() {
        nodes();
        int serviceCount = Math.max(4, workloadCount / 50);
        for (int s = 0; s < serviceCount; s++) {
            boolean anti = s % 5 == 0;
            int spread = s % 7 == 0 ? 2 : 0;
            List<String> deps = s % 31 == 30 ? List.of("svc-" + (s - 1)) : List.of();
            services.add(new PlacementRequest.ServiceDto("svc-" + s, anti, spread, deps));
        }
        while (workloads.size() < workloadCount) {
            if (random.nextInt(40) == 0 && workloadCount - workloads.size() >= 8) {
                gang();
            } else {
                single();
            }
        }
        long[] rackDraw = new long[racks.size()];
        for (int n = 0; n < nodeCount; n++) {
            // every node stays powered when idle, so its idle draw counts whether or not it runs anything
            rackDraw[n / NODES_PER_RACK] += nodes.get(n).idlePowerWatts() + watts[n];
        }
        List<PlacementRequest.RackDto> capped = new ArrayList<>();
        for (int r = 0; r < racks.size(); r++) {
            // Some headroom above the running draw: tight enough that the cap decides some placements.
            long cap = r % 3 == 0 ? 0L : rackDraw[r] + 4_000L + random.nextInt(8_000);
            capped.add(new PlacementRequest.RackDto(racks.get(r).id(), cap));
        }
        List<PlacementRequest.ReserveDto> reserves = new ArrayList<>();
        for (int z = 0; z < ZONES; z++) {
            reserves.add(new PlacementRequest.ReserveDto("zone-" + z, 8));
        }
        List<PlacementRequest.ResourceDto> resources = List.of(
                new PlacementRequest.ResourceDto("cpu", false, 1L),
                new PlacementRequest.ResourceDto("memory", false, 0L));
        List<PlacementRequest.ProbeDto> probes = List.of(
                new PlacementRequest.ProbeDto("one-gpu", Map.of("cpu", 8_000L, "memory", 32_768L), 1, 0, 5L),
                new PlacementRequest.ProbeDto("half-gpu", Map.of("cpu", 4_000L, "memory", 16_384L), 0, 500, 3L));
        return new PlacementRequest(
                resources, nodes, capped, services, gangs, workloads, List.of(), probes, reserves, List.of(), null,
                null);
    }

    private void nodes() {
        for (int n = 0; n < nodeCount; n++) {
            int zone = n * ZONES / nodeCount;
            int rack = n / NODES_PER_RACK;
            if (rack == racks.size()) {
                racks.add(new PlacementRequest.RackDto("rack-" + rack, 0L));
            }
            int kind = random.nextInt(10);
            String type = kind < 8 ? GPU_TYPES[kind % GPU_TYPES.length] : null;
            int gpus = type == null ? 0 : GPU_COUNTS[kind % GPU_TYPES.length];
            long cpu = type == null ? 64_000L : 16_000L * Math.max(2, gpus);
            long memory = cpu * 8;
            int roll = random.nextInt(200);
            String state = roll == 0 ? "DRAINING" : roll < 3 ? "CORDONED" : "ACTIVE";
            nodes.add(new PlacementRequest.NodeDto(
                    "node-" + n,
                    Map.of("cpu", cpu, "memory", memory),
                    null,
                    "zone-" + zone,
                    "zone-" + zone + "-net-" + (rack % DOMAINS_PER_ZONE),
                    "rack-" + rack,
                    gpus,
                    type,
                    state,
                    300L + 100L * gpus));
            gpuUsed[n] = new int[gpus];
            servicesOn.add(new HashSet<>());
        }
    }

    /** One workload; running (placed on a fitting node) about six times in ten. */
    private void single() {
        int i = workloads.size();
        int shape = random.nextInt(10);
        int gpus = shape < 3 ? 0 : shape < 6 ? 1 : shape < 8 ? 0 : 1 << random.nextInt(4);
        int milli = shape >= 6 && shape < 8 ? 100 * (1 + random.nextInt(9)) : 0;
        long cpu = 1_000L * (1 + random.nextInt(gpus > 0 ? 8 * gpus : 8));
        long memory = cpu * (2 + random.nextInt(6));
        List<String> allowed = (gpus > 0 || milli > 0) && random.nextInt(3) == 0
                ? List.of(GPU_TYPES[random.nextInt(GPU_TYPES.length)])
                : List.of();
        String service = random.nextInt(3) == 0 ? "svc-" + random.nextInt(services.size()) : null;
        long priority = 1 + random.nextInt(10);
        // Replicas of a dependent service start pending (the solver meets the dependency); spread services start
        // with their replicas in turn over the zones.
        boolean runs = random.nextInt(10) < 6 && (service == null || dependent(service) == 0);
        int zone = service == null || spreadOf(service) < 2 ? -1 : zoneTurn.merge(service, 1, Integer::sum) % ZONES;
        String node = runs ? place(cpu, memory, gpus, milli, allowed, service, -1, zone) : null;
        workloads.add(new PlacementRequest.WorkloadDto(
                "w-" + i,
                Map.of("cpu", cpu, "memory", memory),
                gpus,
                milli,
                allowed,
                List.of(),
                priority,
                service,
                null,
                node,
                10L,
                50L + 250L * gpus + milli / 4,
                node != null && random.nextInt(50) == 0));
    }

    /** A gang of 2..8 members of one shape, running whole in one rack about half the time, else new. */
    private void gang() {
        int g = gangs.size();
        String[] topologies = {"ANY", "SAME_RACK", "SAME_NETWORK_DOMAIN"};
        String topology = topologies[g % 3];
        gangs.add(new PlacementRequest.GangDto("gang-" + g, topology));
        int size = 2 + random.nextInt(7);
        int gpus = 1 << random.nextInt(3);
        long cpu = 4_000L * gpus;
        long memory = cpu * 4;
        long priority = 5 + random.nextInt(6);
        List<String> allowed = List.of(GPU_TYPES[random.nextInt(2)]);
        List<String> placed = random.nextBoolean() ? placeGang(size, cpu, memory, gpus, allowed) : null;
        for (int m = 0; m < size; m++) {
            workloads.add(new PlacementRequest.WorkloadDto(
                    "w-" + workloads.size(),
                    Map.of("cpu", cpu, "memory", memory),
                    gpus,
                    0,
                    allowed,
                    List.of(),
                    priority,
                    null,
                    "gang-" + g,
                    placed == null ? null : placed.get(m),
                    20L,
                    50L + 250L * gpus,
                    false));
        }
    }

    private List<String> placeGang(int size, long cpu, long memory, int gpus, List<String> allowed) {
        int rack = random.nextInt(racks.size());
        List<String> out = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            String node = place(cpu, memory, gpus, 0, allowed, null, rack, -1);
            if (node == null) {
                // Undo: a gang runs whole or not at all.
                for (int k = 0; k < out.size(); k++) {
                    unplace(Integer.parseInt(out.get(k).substring(5)), cpu, memory, gpus);
                }
                return null;
            }
            out.add(node);
        }
        return out;
    }

    private int dependent(String service) {
        List<String> deps = services.get(Integer.parseInt(service.substring(4))).dependsOn();
        return deps == null ? 0 : deps.size();
    }

    private int spreadOf(String service) {
        return services.get(Integer.parseInt(service.substring(4))).spreadMin();
    }

    /** A random fitting active node (in {@code rack} when not -1) with the generator's book updated, or null. */
    private String place(
            long cpu, long memory, int gpus, int milli, List<String> allowed, String service, int rack, int zone) {
        int zoneSize = nodeCount / ZONES;
        for (int attempt = 0; attempt < 30; attempt++) {
            int n = rack >= 0
                    ? Math.min(nodeCount - 1, rack * NODES_PER_RACK + random.nextInt(NODES_PER_RACK))
                    : zone >= 0
                            ? Math.min(nodeCount - 1, zone * zoneSize + random.nextInt(zoneSize))
                            : random.nextInt(nodeCount);
            PlacementRequest.NodeDto node = nodes.get(n);
            if (!"ACTIVE".equals(node.state())
                    || used[n][0] + cpu > node.capacity().get("cpu") * 3 / 4
                    || used[n][1] + memory > node.capacity().get("memory") * 3 / 4
                    || (service != null && servicesOn.get(n).contains(service))
                    || ((gpus > 0 || milli > 0)
                            && !allowed.isEmpty()
                            && (node.gpuType() == null || !allowed.contains(node.gpuType())))) {
                continue;
            }
            int[] onGpu = gpuUsed[n];
            if (gpus > 0 || milli > 0) {
                // Whole GPUs from the front, shares on the back GPUs: the layout the engine's packing gives.
                int free = 0;
                for (int u : onGpu) {
                    free += u == 0 ? 1 : 0;
                }
                if (gpus > 0 && free - gpus < 1) {
                    continue;
                }
                if (milli > 0 && (onGpu.length == 0 || onGpu[onGpu.length - 1] + milli > 1000)) {
                    continue;
                }
                int left = gpus;
                for (int k = 0; k < onGpu.length - 1 && left > 0; k++) {
                    if (onGpu[k] == 0) {
                        onGpu[k] = 1000;
                        left--;
                    }
                }
                if (milli > 0) {
                    onGpu[onGpu.length - 1] += milli;
                }
            }
            used[n][0] += cpu;
            used[n][1] += memory;
            watts[n] += 50L + 250L * gpus + milli / 4;
            if (service != null) {
                servicesOn.get(n).add(service);
            }
            return "node-" + n;
        }
        return null;
    }

    private void unplace(int n, long cpu, long memory, int gpus) {
        used[n][0] -= cpu;
        used[n][1] -= memory;
        watts[n] -= 50L + 250L * gpus;
        int left = gpus;
        for (int k = gpuUsed[n].length - 2; k >= 0 && left > 0; k--) {
            if (gpuUsed[n][k] == 1000) {
                gpuUsed[n][k] = 0;
                left--;
            }
        }
    }

    /** For the generator's test: the share of workloads it placed. */
    static Map<String, Integer> counts(PlacementRequest req) {
        Map<String, Integer> out = new HashMap<>();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            out.merge(w.currentNode() != null ? "running" : "new", 1, Integer::sum);
            out.merge(w.gang() != null ? "gang" : w.gpuMilli() > 0 ? "share" : "other", 1, Integer::sum);
        }
        return out;
    }
}
