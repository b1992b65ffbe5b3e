package dev.computeplan.power.model;

import java.util.List;
import java.util.Map;

/**
 * The site around the GPUs: how many GPUs of each model it has, what its servers draw besides the GPU boards, and its
 * PUE. Every field is optional: no inventory means no GPU limit, no overhead means 0 W, no PUE means 1.
 *
 * @param gpus           GPUs per model ({@link GpuCurves} names): at no step do the jobs on a model use more
 * @param gpusPerNode    GPUs per server; a job holds ⌈gpus / gpusPerNode⌉ servers of its own
 * @param idleWPerGpu    server draw per GPU slot, W, while it runs no job (besides the GPU board)
 * @param busyWPerGpu    the same while a job runs on it
 * @param idleWPerNode   draw per server, W, while it runs no job
 * @param busyWPerNode   the same while a job runs on it
 * @param pue            facility power / IT power, constant; or {@code pueSeries}, one value per step
 */
public record Site(
        Map<String, Integer> gpus,
        int gpusPerNode,
        double idleWPerGpu,
        double busyWPerGpu,
        double idleWPerNode,
        double busyWPerNode,
        Double pue,
        List<Double> pueSeries) {

    /** No inventory, no server overhead, PUE 1: the GPU boards alone. */
    public static final Site BOARDS_ONLY = new Site(null, 8, 0, 0, 0, 0, null, null);

    /** PUE at step t. */
    public double pueAt(int t) {
        if (pueSeries != null) {
            return pueSeries.get(t);
        }
        return pue == null ? 1.0 : pue;
    }

    /** Servers a job of {@code jobGpus} GPUs holds. */
    public int nodesOf(int jobGpus) {
        return (jobGpus + gpusPerNode - 1) / gpusPerNode;
    }

    /** IT draw of a job at a level, W: its boards plus what its servers draw above idle. */
    public double jobItW(int jobGpus, double boardW) {
        return jobGpus * (boardW + busyWPerGpu - idleWPerGpu) + nodesOf(jobGpus) * (busyWPerNode - idleWPerNode);
    }

    /** Idle draw of the whole inventory, kW (0 without an inventory): always on, so part of the fixed load. */
    public double idleKw() {
        if (gpus == null) {
            return 0;
        }
        double w = 0;
        for (int count : gpus.values()) {
            w += count * idleWPerGpu + nodesOf(count) * idleWPerNode;
        }
        return w / 1000.0;
    }

    /**
     * IT power the jobs may add at step t, kW: cap / PUE − base load − idle inventory. {@code +∞} without a cap.
     */
    public double jobRoomKw(ResolvedGrid grid, int t) {
        return grid.capKw()[t] / pueAt(t) - grid.baseKw()[t] - idleKw();
    }
}
