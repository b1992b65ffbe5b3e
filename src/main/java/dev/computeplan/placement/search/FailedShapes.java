package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workloads that fit on no node while load only grows. A workload that needs at least as much of everything
 * (resources, GPU share, power) as one that failed, of the same GPU kind and types, and is at least as restricted
 * by anti-affinity, fails too: it is skipped without a look at the nodes. Requirements vary widely from one
 * workload to the next, so equal shapes alone would rarely repeat.
 */
final class FailedShapes {

    private record Failure(long[] need, Service antiAffine) {}

    private final Map<List<Object>, List<Failure>> byKind = new HashMap<>();

    boolean covers(Workload w) {
        List<Failure> failures = byKind.get(kindOf(w));
        if (failures == null) {
            return false;
        }
        long[] need = needOf(w);
        for (Failure f : failures) {
            if ((f.antiAffine() == null || f.antiAffine() == antiAffine(w)) && atMost(f.need(), need)) {
                return true;
            }
        }
        return false;
    }

    void add(Workload w) {
        byKind.computeIfAbsent(kindOf(w), k -> new ArrayList<>()).add(new Failure(needOf(w), antiAffine(w)));
    }

    private static boolean atMost(long[] a, long[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> kindOf(Workload w) {
        return List.of(w.getGpus(), w.getGpuMilli() > 0, w.usesGpu() ? w.getAllowedGpuTypes() : List.of());
    }

    private static long[] needOf(Workload w) {
        long[] need = new long[w.resourceCount() + 2];
        for (int r = 0; r < w.resourceCount(); r++) {
            need[r] = w.requirement(r);
        }
        need[w.resourceCount()] = w.getGpuMilli();
        need[w.resourceCount() + 1] = w.getPowerWatts();
        return need;
    }

    private static Service antiAffine(Workload w) {
        return w.getService() != null && w.getService().antiAffinity() ? w.getService() : null;
    }

    /**
     * Gangs that fit nowhere. A gang of the same topology and GPU kind with at least as many members, each needing
     * at least as much as the most demanding member of one that failed (and no anti-affine service), fails too.
     */
    static final class Gangs {
        private record Failure(int size, long[] maxNeed) {}

        private final Map<List<Object>, List<Failure>> byKind = new HashMap<>();

        boolean covers(List<Workload> gang) {
            List<Object> kind = kindOf(gang);
            List<Failure> failures = kind == null ? null : byKind.get(kind);
            if (failures == null) {
                return false;
            }
            long[] minNeed = bound(gang, false);
            for (Failure f : failures) {
                if (f.size() <= gang.size() && atMost(f.maxNeed(), minNeed)) {
                    return true;
                }
            }
            return false;
        }

        void add(List<Workload> gang) {
            List<Object> kind = kindOf(gang);
            if (kind != null) {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Failure(gang.size(), bound(gang, true)));
            }
        }

        /** Null when members differ in GPU kind or one is anti-affine: then no gang is judged by another. */
        private static List<Object> kindOf(List<Workload> gang) {
            List<Object> kind = FailedShapes.kindOf(gang.get(0));
            for (Workload w : gang) {
                if (antiAffine(w) != null || !FailedShapes.kindOf(w).equals(kind)) {
                    return null;
                }
            }
            return List.of(gang.get(0).getGang().topology(), kind);
        }

        private static long[] bound(List<Workload> gang, boolean max) {
            long[] out = needOf(gang.get(0));
            for (Workload w : gang) {
                long[] need = needOf(w);
                for (int i = 0; i < out.length && i < need.length; i++) {
                    out[i] = max ? Math.max(out[i], need[i]) : Math.min(out[i], need[i]);
                }
            }
            return out;
        }
    }
}
