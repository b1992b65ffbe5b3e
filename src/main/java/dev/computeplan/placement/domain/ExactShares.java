package dev.computeplan.placement.domain;

import static dev.computeplan.placement.domain.GpuPacking.MILLI_PER_GPU;

import java.util.Arrays;

/**
 * Exact packing of fractional GPU shares onto a node's free GPUs, for the share sets first-fit-decreasing cannot
 * place. A node has few GPUs, so a depth-first search over shares in decreasing size, which never tries two GPUs
 * with the same load for the same share, settles almost every case at once; a bounded number of search steps
 * keeps the rare hard case cheap and the answer the same on every machine (then first-fit-decreasing stands).
 */
final class ExactShares {

    /** Nodes with more free GPUs than this keep first-fit-decreasing's answer. */
    static final int MAX_FREE_GPUS = 16;
    /** Search steps per packing before giving up. */
    static final int STEP_LIMIT = 20_000;

    private final int[] shares;
    private final Integer[] order;
    private final int[] load;
    private final int[] gpuOf;
    private final int firstFree;
    private int steps;

    private ExactShares(int gpuCount, int firstFree, int[] shares, Integer[] order) {
        this.shares = shares;
        this.order = order;
        this.firstFree = firstFree;
        this.load = new int[gpuCount];
        Arrays.fill(load, 0, firstFree, MILLI_PER_GPU);
        this.gpuOf = new int[shares.length];
    }

    /**
     * A packing with no overflow, or null when there is none or the search ran out of steps.
     *
     * @param order share indices in decreasing size, as first-fit-decreasing placed them
     */
    static GpuPacking pack(int gpuCount, int wholeGpus, int[] shares, Integer[] order) {
        int free = gpuCount - wholeGpus;
        long demand = Arrays.stream(shares).asLongStream().sum();
        if (free <= 0 || free > MAX_FREE_GPUS || demand > (long) free * MILLI_PER_GPU) {
            return null;
        }
        ExactShares search = new ExactShares(gpuCount, wholeGpus, shares, order);
        if (!search.place(0, (long) free * MILLI_PER_GPU - demand)) {
            return null;
        }
        return new GpuPacking(search.load, search.gpuOf, 0);
    }

    /** Places shares order[k..]; {@code slack} is the free capacity the rest may still leave unused. */
    private boolean place(int k, long slack) {
        if (k == order.length) {
            return true;
        }
        if (++steps > STEP_LIMIT) {
            return false;
        }
        int share = shares[order[k]];
        for (int g = firstFree; g < load.length; g++) {
            if (load[g] + share > MILLI_PER_GPU || seenLoad(g)) {
                continue;
            }
            load[g] += share;
            // A GPU whose room is now smaller than the smallest share left is closed: its room is lost.
            long lost = MILLI_PER_GPU - load[g] < smallestFrom(k + 1) ? MILLI_PER_GPU - load[g] : 0;
            if (lost <= slack) {
                gpuOf[order[k]] = g;
                if (place(k + 1, slack - lost)) {
                    return true;
                }
            }
            load[g] -= share;
            if (steps > STEP_LIMIT) {
                return false;
            }
        }
        return false;
    }

    /** True when an earlier free GPU has the same load: trying this one too would repeat the same subtree. */
    private boolean seenLoad(int g) {
        for (int h = firstFree; h < g; h++) {
            if (load[h] == load[g]) {
                return true;
            }
        }
        return false;
    }

    private int smallestFrom(int k) {
        return k < order.length ? shares[order[order.length - 1]] : MILLI_PER_GPU + 1;
    }
}
