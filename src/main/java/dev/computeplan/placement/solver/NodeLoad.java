package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;

/**
 * What the workloads assigned to one node use, computed incrementally by {@link NodeLoadCollector}.
 * Immutable: every change produces a new instance.
 *
 * @param node               the node
 * @param usage              per-resource usage (sum of requirements)
 * @param workloadPowerWatts sum of the workloads' estimated draw
 * @param workloadCount      number of workloads counted
 * @param packing            how the GPU demand lands on the node's GPUs
 */
public record NodeLoad(Node node, long[] usage, long workloadPowerWatts, int workloadCount, GpuPacking packing) {

    private static final int[] NO_SHARES = new int[0];

    public static NodeLoad empty(Node node) {
        return new NodeLoad(
                node, new long[node.resourceCount()], 0L, 0, GpuPacking.pack(node.getGpuCount(), 0, NO_SHARES));
    }

    public long usage(int r) {
        return usage[r];
    }

    /** capacity - usage (negative when over capacity). */
    /** How far target x free(r1) exceeds free(r2) on this node (0 if it does not): the balance rule's amount. */
    public long balanceShortfall(BalanceObjective b) {
        return Math.max(
                0L,
                b.target() * free(b.resource1().index()) - free(b.resource2().index()));
    }

    public long free(int r) {
        return node.capacity(r) - usage[r];
    }

    public long excess(int r) {
        return Math.max(0L, usage[r] - node.capacity(r));
    }

    /** Estimated draw: the idle draw whenever the node is powered, plus its workloads'. */
    public long powerWatts() {
        return node.drawWatts(workloadCount, workloadPowerWatts);
    }

    /**
     * Free GPU capacity (milli) that {@code probe} could not use here, as in fragmentation gradient descent:
     * all of it if the probe does not fit the node at all (or uses no GPU), otherwise the free part of the GPUs
     * too full to take the probe's share. Nothing for a probe that may not run on the node's GPU type: that shape
     * never uses this node, so its free room is no loss to it.
     */
    public long fragmentMilli(FragmentationProbe probe) {
        long totalFree = packing.freeMilli();
        if (totalFree == 0L || !probe.allowsGpuType(node.getGpuType())) {
            return 0L;
        }
        long[] req = probe.requirements();
        for (int r = 0; r < req.length && r < usage.length; r++) {
            if (req[r] > free(r)) {
                return totalFree;
            }
        }
        if (probe.gpus() > 0) {
            if (packing.freeWholeGpus() < probe.gpus()) {
                return totalFree;
            }
            return unusableBelow(GpuPacking.MILLI_PER_GPU);
        }
        if (probe.gpuMilli() > 0) {
            long unusable = unusableBelow(probe.gpuMilli());
            return unusable == totalFree ? totalFree : unusable;
        }
        return totalFree;
    }

    /** Sum of the free milli on GPUs whose free part is smaller than {@code need}. */
    private long unusableBelow(int need) {
        long sum = 0L;
        for (int used : packing.usedMilli()) {
            int free = GpuPacking.MILLI_PER_GPU - used;
            if (free < need) {
                sum += free;
            }
        }
        return sum;
    }
}
