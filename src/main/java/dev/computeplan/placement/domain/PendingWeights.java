package dev.computeplan.placement.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * Pending weights that make priorities lexicographic: with the distinct priorities p1 < p2 < ... and n(p) workloads
 * of priority p, w(p1) = 1 and w(p(k+1)) = 1 + sum over j <= k of n(pj) x w(pj). One pending workload of a higher
 * priority then outweighs every lower-priority workload together, so no number of low-priority workloads keeps a
 * higher one pending.
 */
public final class PendingWeights {

    /** Largest total weight accepted, so that weight overrides up to this many times still fit a long. */
    public static final long MAX_TOTAL = 1L << 52;

    private PendingWeights() {}

    /**
     * @param countByPriority workloads per priority value
     * @return weight per priority value
     * @throws ArithmeticException when the total exceeds {@link #MAX_TOTAL}
     */
    public static Map<Long, Long> of(Map<Long, Long> countByPriority) {
        Map<Long, Long> weights = new TreeMap<>();
        long below = 0L;
        for (Map.Entry<Long, Long> e : new TreeMap<>(countByPriority).entrySet()) {
            long w = below + 1;
            weights.put(e.getKey(), w);
            below = Math.addExact(below, Math.multiplyExact(e.getValue(), w));
            if (below > MAX_TOTAL) {
                throw new ArithmeticException("pending weights exceed " + MAX_TOTAL);
            }
        }
        return weights;
    }
}
