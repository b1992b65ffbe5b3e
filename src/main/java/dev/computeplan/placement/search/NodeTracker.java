package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain counters of one node: usage, GPU demand, draw, anti-affine services present. */
final class NodeTracker {
    final Node node;
    private final long[] usage;
    private int wholeGpus;
    private final List<Integer> shares = new ArrayList<>();
    private final Map<Service, Integer> services = new HashMap<>();
    private long workloadPower;
    private int count;
    private GpuPacking packing;

    NodeTracker(Node node) {
        this.node = node;
        this.usage = new long[node.resourceCount()];
        this.packing = GpuPacking.pack(node.getGpuCount(), 0, new int[0]);
    }

    void add(Workload w) {
        change(w, 1);
        packing = packingWith(null);
    }

    /** As {@link #add} without re-packing the GPUs: {@link #repack} once after a batch. */
    void addUnpacked(Workload w) {
        change(w, 1);
    }

    void repack() {
        packing = packingWith(null);
    }

    void remove(Workload w) {
        change(w, -1);
        packing = packingWith(null);
    }

    private void change(Workload w, int sign) {
        for (int r = 0; r < usage.length && r < w.resourceCount(); r++) {
            usage[r] += sign * w.requirement(r);
        }
        wholeGpus += sign * w.getGpus();
        if (w.getGpus() == 0 && w.getGpuMilli() > 0) {
            if (sign > 0) {
                shares.add(w.getGpuMilli());
            } else {
                shares.remove(Integer.valueOf(w.getGpuMilli()));
            }
        }
        if (w.getService() != null) {
            services.merge(w.getService(), sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        workloadPower += sign * w.getPowerWatts();
        count += sign;
    }

    GpuPacking packing() {
        return packing;
    }

    int maxFreeMilli() {
        int max = 0;
        for (int used : packing.usedMilli()) {
            max = Math.max(max, GpuPacking.MILLI_PER_GPU - used);
        }
        return max;
    }

    GpuPacking packingWith(Workload w) {
        int extraWhole = w == null ? 0 : w.getGpus();
        boolean share = w != null && w.getGpus() == 0 && w.getGpuMilli() > 0;
        int[] s = new int[shares.size() + (share ? 1 : 0)];
        for (int i = 0; i < shares.size(); i++) {
            s[i] = shares.get(i);
        }
        if (share) {
            s[s.length - 1] = w.getGpuMilli();
        }
        return GpuPacking.pack(node.getGpuCount(), wholeGpus + extraWhole, s);
    }

    long power() {
        return node.drawWatts(count, workloadPower);
    }

    long powerWith(Workload w) {
        return node.drawWatts(count + 1, workloadPower + w.getPowerWatts());
    }

    /** Node state, GPU type, anti-affinity, capacity (transient hold not counted) and GPUs. */
    boolean fits(Workload w) {
        if (node.getState() != NodeState.ACTIVE || !w.allowsGpuType(node.getGpuType()) && w.usesGpu()) {
            return false;
        }
        if (w.getService() != null && w.getService().antiAffinity() && services.containsKey(w.getService())) {
            return false;
        }
        for (int r = 0; r < usage.length && r < w.resourceCount(); r++) {
            if (usage[r] + w.requirement(r) > node.capacity(r)) {
                return false;
            }
        }
        if (!w.usesGpu()) {
            return true;
        }
        if (w.getGpus() > 0) {
            // Whole GPUs fit exactly when that many GPUs are free: the shares keep the GPUs they packed into.
            return packing.freeWholeGpus() >= w.getGpus();
        }
        return maxFreeMilli() >= w.getGpuMilli() && packingWith(w).overflowMilli() == 0;
    }
}
