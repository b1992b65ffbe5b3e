package dev.computeplan.placement.explain;

import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.NodeState;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What is left on one node: resources against capacity and the GPUs, packed as the engine packs them. It answers
 * "would this workload fit here" by capacity, GPU count and GPU type alone; the other hard rules (anti-affinity,
 * spread, rack power, reserves) are left to the per-workload recommendations.
 */
final class FreeRoom {

    final Node node;
    private final long[] used;
    private int wholeGpus;
    private final List<Integer> shares;

    private FreeRoom(Node node, long[] used, int wholeGpus, List<Integer> shares) {
        this.node = node;
        this.used = used;
        this.wholeGpus = wholeGpus;
        this.shares = shares;
    }

    /** The room on every node a new workload may go to, with the solution's workloads in place except some. */
    static Map<Node, FreeRoom> of(PlacementSolution solution, Predicate<Workload> leftOut) {
        Map<Node, FreeRoom> rooms = new LinkedHashMap<>();
        for (Node node : solution.getNodes()) {
            if (node.getState() == NodeState.ACTIVE) {
                rooms.put(node, new FreeRoom(node, new long[node.resourceCount()], 0, new ArrayList<>()));
            }
        }
        for (Workload w : solution.getWorkloads()) {
            FreeRoom room = w.getNode() == null ? null : rooms.get(w.getNode());
            if (room != null && !leftOut.test(w)) {
                room.add(w);
            }
        }
        return rooms;
    }

    FreeRoom copy() {
        return new FreeRoom(node, used.clone(), wholeGpus, new ArrayList<>(shares));
    }

    boolean accepts(Workload w) {
        if (w.usesGpu() && (node.getGpuCount() == 0 || !w.allowsGpuType(node.getGpuType()))) {
            return false;
        }
        for (int r = 0; r < used.length && r < w.resourceCount(); r++) {
            if (used[r] + w.requirement(r) > node.capacity(r)) {
                return false;
            }
        }
        return !w.usesGpu() || packing(w.getGpus(), w.getGpuMilli()).overflowMilli() == 0;
    }

    void add(Workload w) {
        change(w, 1);
    }

    void remove(Workload w) {
        change(w, -1);
    }

    /** Whole GPUs with nothing on them. */
    int freeGpus() {
        return packing(0, 0).freeWholeGpus();
    }

    /** Unused GPU capacity in milli-GPU. */
    long freeGpuMilli() {
        return packing(0, 0).freeMilli();
    }

    private void change(Workload w, int sign) {
        for (int r = 0; r < used.length && r < w.resourceCount(); r++) {
            used[r] += sign * w.requirement(r);
        }
        wholeGpus += sign * w.getGpus();
        if (w.getGpus() == 0 && w.getGpuMilli() > 0) {
            if (sign > 0) {
                shares.add(w.getGpuMilli());
            } else {
                shares.remove(Integer.valueOf(w.getGpuMilli()));
            }
        }
    }

    private GpuPacking packing(int plusWhole, int plusShare) {
        int[] all = new int[shares.size() + (plusWhole == 0 && plusShare > 0 ? 1 : 0)];
        for (int i = 0; i < shares.size(); i++) {
            all[i] = shares.get(i);
        }
        if (all.length > shares.size()) {
            all[shares.size()] = plusShare;
        }
        return GpuPacking.pack(node.getGpuCount(), wholeGpus + plusWhole, all);
    }
}
