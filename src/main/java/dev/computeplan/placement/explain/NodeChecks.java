package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.CheckContext.orEmpty;

import dev.computeplan.placement.api.PlacementRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The checker's rules of one node once every workload is counted: capacity (also counting workloads moving away
 * for transient resources), load cost, balance, per-GPU capacity, power and fragmentation; then rack power caps
 * and zone spare reserves, which need every node's figures.
 */
final class NodeChecks {

    private final CheckContext ctx;
    private final Map<String, Long> rackDraw = new HashMap<>();
    private final Map<String, Long> zoneFreeGpus = new HashMap<>();

    NodeChecks(CheckContext ctx) {
        this.ctx = ctx;
    }

    void check(PlacementRequest.NodeDto n) {
        int rc = ctx.resources.size();
        long[] cap = ctx.vector(n.capacity());
        long[] safety = n.safetyCapacity() == null ? cap : ctx.vector(n.safetyCapacity());
        if (ctx.gpuResource >= 0) {
            cap[ctx.gpuResource] = 1000L * CheckContext.gpusOf(n);
            safety[ctx.gpuResource] = cap[ctx.gpuResource];
        }
        long[] u = ctx.usage.getOrDefault(n.id(), new long[rc]);
        long[] held = ctx.heldByLeaving.getOrDefault(n.id(), new long[rc]);
        for (int r = 0; r < rc; r++) {
            resource(n, r, cap[r], safety[r], u[r], held[r]);
        }
        for (PlacementRequest.BalanceDto b : orEmpty(ctx.req.balanceObjectives())) {
            int r1 = ctx.resources.indexOf(b.resource1());
            int r2 = ctx.resources.indexOf(b.resource2());
            long s = b.target() * (cap[r1] - u[r1]) - (cap[r2] - u[r2]);
            if (s > 0) {
                ctx.soft += ctx.weight("balanceCost") * b.weight() * s;
            }
        }
        int nodeGpus = CheckContext.gpusOf(n);
        int[] perGpu = ctx.gpuMilli.getOrDefault(n.id(), new int[nodeGpus]);
        for (int g = 0; g < perGpu.length; g++) {
            if (perGpu[g] > 1000) {
                ctx.violate(
                        "gpuCapacity",
                        perGpu[g] - 1000,
                        "GPU %d of node %s holds %d milli".formatted(g, n.id(), perGpu[g]));
            }
        }
        power(n);
        if (CheckContext.stateOf(n).equals("ACTIVE") && nodeGpus > 0) {
            long free = Arrays.stream(perGpu).filter(m -> m == 0).count();
            zoneFreeGpus.merge(n.zone(), free, Long::sum);
            ctx.soft += ctx.weight("fragmentation")
                    * SoftCosts.fragmentation(ctx.req, ctx.resources, cap, u, perGpu, n.gpuType());
        }
    }

    /** One resource of a node: capacity (hard), transient capacity (hard) and load above the safety level (soft). */
    private void resource(PlacementRequest.NodeDto n, int r, long cap, long safety, long used, long held) {
        String resource = ctx.resources.get(r);
        if (used > cap && r != ctx.gpuResource) {
            ctx.violate(
                    "nodeCapacity",
                    used - cap,
                    "node %s over %s capacity by %d".formatted(n.id(), resource, used - cap));
        }
        if (isTransient(resource) && used + held > cap) {
            long extra = (used + held - cap) - Math.max(0, used - cap);
            ctx.violate(
                    "transientCapacity",
                    extra,
                    "node %s over %s capacity by %d counting workloads moving away".formatted(n.id(), resource, extra));
        }
        if (used > safety) {
            ctx.soft += ctx.weight("loadCost") * loadWeight(resource) * (used - safety);
        }
    }

    /**
     * A node draws its idle power plus its workloads' while it is powered: always when something runs on it,
     * and when idle unless it has failed or is powered off when idle.
     */
    private void power(PlacementRequest.NodeDto n) {
        boolean busy = ctx.usage.containsKey(n.id());
        boolean powered =
                busy || !(Boolean.TRUE.equals(n.powerOffWhenIdle()) || "FAILED".equals(CheckContext.stateOf(n)));
        long idle = n.idlePowerWatts() == null ? 0 : n.idlePowerWatts();
        long draw = powered ? idle + ctx.workloadPower.getOrDefault(n.id(), 0L) : 0;
        ctx.soft += ctx.weight("powerDraw") * draw;
        if (n.rack() != null) {
            rackDraw.merge(n.rack(), draw, Long::sum);
        }
    }

    void checkRacksAndReserves() {
        Map<String, PlacementRequest.RackDto> racks = new HashMap<>();
        orEmpty(ctx.req.racks()).forEach(r -> racks.put(r.id(), r));
        rackDraw.forEach((rack, draw) -> {
            long capW = racks.get(rack).powerCapWatts() == null
                    ? 0
                    : racks.get(rack).powerCapWatts();
            if (capW > 0 && draw > capW) {
                ctx.violate(
                        "rackPowerCap", draw - capW, "rack %s draws %d W over cap %d W".formatted(rack, draw, capW));
            }
        });
        for (PlacementRequest.ReserveDto r : orEmpty(ctx.req.spareReserves())) {
            long free = zoneFreeGpus.getOrDefault(r.zone(), 0L);
            if (free < r.gpus()) {
                ctx.violate(
                        "spareReserve",
                        r.gpus() - free,
                        "zone %s keeps %d free GPUs, reserve %d".formatted(r.zone(), free, r.gpus()));
            }
        }
    }

    private boolean isTransient(String resource) {
        return orEmpty(ctx.req.resources()).stream()
                .anyMatch(r -> r.id().equals(resource) && Boolean.TRUE.equals(r.transientUsage()));
    }

    private long loadWeight(String resource) {
        return orEmpty(ctx.req.resources()).stream()
                .filter(r -> r.id().equals(resource) && r.loadCostWeight() != null)
                .mapToLong(PlacementRequest.ResourceDto::loadCostWeight)
                .findFirst()
                .orElse(0L);
    }
}
