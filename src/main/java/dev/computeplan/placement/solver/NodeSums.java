package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.List;

/** Running sums of one node and its last contribution to each per-node rule. */
final class NodeSums {
    final Node node;
    /** 0, 1, ... in the order of the solution's nodes: an index for per-node arrays. */
    final int slot;
    /** Zone number. */
    final int zone;
    /** Network domain number. */
    final int domain;
    /** The node's GPU class, or null without GPUs. */
    final NodeRules.GpuClassSums gpuClass;

    final long[] usage;
    final long[] movedOut;
    /** The node's capacity and safety capacity by resource, copied for the hot loop. */
    final long[] capacityArray;

    final long[] safetyArray;
    /**
     * The resource that last stopped a workload from fitting here, tested first: on a tightly packed cluster most
     * fit tests fail, and mostly on the same resource of a node.
     */
    int tightest;
    /** The workloads placed here (for ejection moves). */
    final List<Workload> members = new ArrayList<>();

    int count;
    int movedOutCount;
    long workloadPower;
    int wholeGpus;
    final List<Integer> shares = new ArrayList<>();
    GpuPacking packing;
    boolean packingStale;
    long capacity;
    long load;
    long gpu;
    long power;
    long transientExcess;
    long balance;
    long fragmentation;
    int freeWholeGpus;

    NodeSums(Node node, int slot, int domain, int zone, NodeRules.GpuClassSums gpuClass) {
        this.node = node;
        this.slot = slot;
        this.zone = zone;
        this.domain = domain;
        this.gpuClass = gpuClass;
        this.usage = new long[node.resourceCount()];
        this.capacityArray = new long[usage.length];
        this.safetyArray = new long[usage.length];
        for (int r = 0; r < usage.length; r++) {
            capacityArray[r] = node.capacity(r);
            safetyArray[r] = node.safetyCapacity(r);
        }
        this.movedOut = new long[node.resourceCount()];
        this.packing = GpuPacking.pack(node.getGpuCount(), 0, new int[0]);
    }

    void add(Workload w, int sign) {
        int n = Math.min(usage.length, w.resourceCount());
        for (int r = 0; r < n; r++) {
            usage[r] += sign * w.requirement(r);
        }
        count += sign;
        if (sign > 0) {
            members.add(w);
        } else {
            members.remove(w);
        }
        workloadPower += sign * w.getPowerWatts();
        if (w.getGpus() > 0) {
            wholeGpus += sign * w.getGpus();
            packingStale = true;
        } else if (w.getGpuMilli() > 0) {
            if (sign > 0) {
                shares.add(w.getGpuMilli());
            } else {
                shares.remove(Integer.valueOf(w.getGpuMilli()));
            }
            packingStale = true;
        }
    }

    /** Only the transient resources' moved-out usage is kept: no rule reads the others. */
    void addMovedOut(Workload w, int sign, int[] transientIndexes) {
        int n = Math.min(movedOut.length, w.resourceCount());
        for (int r : transientIndexes) {
            if (r < n) {
                movedOut[r] += sign * w.requirement(r);
            }
        }
        movedOutCount += sign;
    }

    int[] sharesArray() {
        int[] s = new int[shares.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shares.get(i);
        }
        return s;
    }
}
