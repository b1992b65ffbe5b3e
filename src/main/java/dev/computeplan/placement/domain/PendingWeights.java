package dev.computeplan.placement.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Pending weights that make priorities lexicographic: with the distinct priorities p1 < p2 < ... and n(p) workloads
 * of priority p, w(p1) = 1 and w(p(k+1)) = 1 + sum over j <= k of n(pj) x w(pj). One pending workload of a higher
 * priority then outweighs every lower-priority workload together, so no number of low-priority workloads keeps a
 * higher one pending. When the total would pass {@link #MAX_TOTAL} (many levels and many workloads), the lowest
 * levels are merged into a block weighted by their rank (1, 2, ...: they add up among themselves), as few as needed
 * for the levels above to stay lexicographic.
 */
public final class PendingWeights {

    /** Largest total weight, so that weight overrides up to this many times still fit a long. */
    public static final long MAX_TOTAL = 1L << 52;

    private PendingWeights() {}

    /** @return weight per priority value, for {@code countByPriority} workloads per priority value */
    public static Map<Long, Long> of(Map<Long, Long> countByPriority) {
        TreeMap<Long, Long> counts = new TreeMap<>(countByPriority);
        for (int block = 0; ; block++) {
            Map<Long, Long> weights = tryBlock(counts, block);
            if (weights != null) {
                return weights;
            }
        }
    }

    /** Weights with the lowest {@code block} levels weighted by rank, or null if the total passes the maximum. */
    private static Map<Long, Long> tryBlock(TreeMap<Long, Long> counts, int block) {
        Map<Long, Long> weights = new TreeMap<>();
        long below = 0L;
        int rank = 0;
        try {
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                rank++;
                long w = rank <= block ? rank : below + 1;
                weights.put(e.getKey(), w);
                below = Math.addExact(below, Math.multiplyExact(e.getValue(), w));
                if (below > MAX_TOTAL) {
                    return null;
                }
            }
        } catch (ArithmeticException e) {
            return null;
        }
        return weights;
    }
}
