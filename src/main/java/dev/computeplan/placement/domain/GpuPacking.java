package dev.computeplan.placement.domain;

import java.util.Arrays;

/**
 * How the GPU demand on one node lands on its individual GPUs: whole-GPU workloads take whole GPUs, fractional
 * shares are packed first-fit-decreasing onto the remaining GPUs and never split across two GPUs. When
 * first-fit-decreasing leaves a share out, an exact search ({@link ExactShares}) looks for a packing that fits them
 * all; the reported per-GPU layout is always a valid one.
 *
 * @param usedMilli     milli-GPU in use on each GPU (1000 = full)
 * @param gpuOfShare    for each input share, the GPU it is packed on, or -1 when it does not fit
 * @param overflowMilli demand that does not fit: missing whole GPUs x 1000 plus unpacked shares
 */
public record GpuPacking(int[] usedMilli, int[] gpuOfShare, long overflowMilli) {

    public static final int MILLI_PER_GPU = 1000;

    /**
     * @param gpuCount  GPUs on the node
     * @param wholeGpus whole GPUs demanded by the node's workloads
     * @param shares    fractional shares (1..999) demanded, in any order
     */
    public static GpuPacking pack(int gpuCount, int wholeGpus, int[] shares) {
        int[] used = new int[Math.max(gpuCount, 0)];
        int whole = Math.min(wholeGpus, used.length);
        Arrays.fill(used, 0, whole, MILLI_PER_GPU);
        long overflow = (long) (wholeGpus - whole) * MILLI_PER_GPU;
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Decreasing size, then input order: deterministic for equal shares.
        Arrays.sort(
                order,
                (a, b) -> shares[a] != shares[b] ? Integer.compare(shares[b], shares[a]) : Integer.compare(a, b));
        int[] gpuOf = new int[shares.length];
        for (int i : order) {
            gpuOf[i] = -1;
            for (int g = whole; g < used.length; g++) {
                if (used[g] + shares[i] <= MILLI_PER_GPU) {
                    used[g] += shares[i];
                    gpuOf[i] = g;
                    break;
                }
            }
            if (gpuOf[i] < 0) {
                overflow += shares[i];
            }
        }
        if (overflow > 0 && wholeGpus <= used.length) {
            GpuPacking exact = ExactShares.pack(used.length, whole, shares, order);
            if (exact != null) {
                return exact;
            }
        }
        return new GpuPacking(used, gpuOf, overflow);
    }

    /** GPUs with nothing on them. */
    public int freeWholeGpus() {
        int free = 0;
        for (int u : usedMilli) {
            if (u == 0) {
                free++;
            }
        }
        return free;
    }

    /** Total unused milli-GPU. */
    public long freeMilli() {
        long free = 0;
        for (int u : usedMilli) {
            free += MILLI_PER_GPU - u;
        }
        return free;
    }
}
