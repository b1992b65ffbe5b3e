package dev.computeplan.placement.explain;

import static dev.computeplan.placement.explain.CheckContext.orEmpty;

import dev.computeplan.placement.api.PlacementRequest;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checker's own formulas of the two GPU-layout soft costs: class balance and fragmentation. */
final class SoftCosts {

    private SoftCosts() {}

    /**
     * Sum over GPU classes (count x type) of floor(P x used^2 / capacity), P = total popularity of the probes that
     * may run on the class's type.
     */
    static long gpuClassBalance(PlacementRequest req, Map<String, Long> used) {
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
            long p = orEmpty(req.fragmentationProbes()).stream()
                    .filter(q -> q.allowsGpuType(typeOf.get(e.getKey())))
                    .mapToLong(PlacementRequest.ProbeDto::popularity)
                    .sum();
            if (p > 0 && cap != null) {
                total += BigInteger.valueOf(p)
                        .multiply(BigInteger.valueOf(e.getValue()).pow(2))
                        .divide(BigInteger.valueOf(cap))
                        .longValueExact();
            }
        }
        return total;
    }

    /** FGD-style fragment of one node, summed over the probes with their popularity. */
    static long fragmentation(
            PlacementRequest req, List<String> resources, long[] cap, long[] u, int[] perGpu, String gpuType) {
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
            if (p.allowsGpuType(gpuType)) {
                total += p.popularity()
                        * fragment(p, vector(p.requirements(), resources), cap, u, perGpu, freeAll, freeWhole);
            }
        }
        return total;
    }

    /** The free GPU milli of a node that probe p cannot use: all of it when p does not fit at all. */
    private static long fragment(
            PlacementRequest.ProbeDto p, long[] need, long[] cap, long[] u, int[] perGpu, long freeAll, int freeWhole) {
        boolean fits = true;
        for (int r = 0; r < need.length; r++) {
            fits &= need[r] <= cap[r] - u[r];
        }
        int gpus = p.gpus() == null ? 0 : p.gpus();
        int milli = p.gpuMilli() == null ? 0 : p.gpuMilli();
        if (!fits || (gpus == 0 && milli == 0) || (gpus > 0 && freeWhole < gpus)) {
            return freeAll;
        }
        int needPerGpu = gpus > 0 ? 1000 : milli;
        long fragment = 0;
        for (int m : perGpu) {
            long free = 1000 - Math.min(m, 1000);
            if (free < needPerGpu) {
                fragment += free;
            }
        }
        return fragment;
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
