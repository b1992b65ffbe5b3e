package dev.computeplan.placement.search;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * For each workload, the few others whose requirements are closest to its own: swap partners that leave both nodes'
 * loads nearly where they were. On a packed cluster whose nodes sit just above or below their safety capacity, such
 * a swap trims one resource's excess without spilling another's, where a random pair mostly breaks a capacity.
 */
final class SimilarWorkloads {

    /** Beyond this many workloads each one is compared with a random sample of this size, not with all. */
    static final int SAMPLE = 1_024;

    static final int STOP_CHECK = 256;

    private SimilarWorkloads() {}

    /**
     * Indexes into {@code workloads} of up to {@code k} nearest others for each, nearest first. Distance: the sum over
     * resources of the difference in requirement, each as a share of the cluster's total capacity of that resource.
     */
    static int[][] nearest(Workload[] workloads, List<Node> nodes, int k, SplittableRandom random) {
        return nearest(workloads, nodes, k, SAMPLE, random);
    }

    /** As above, comparing each workload with {@code sample} random others when there are more than that. */
    static int[][] nearest(Workload[] workloads, List<Node> nodes, int k, int sample, SplittableRandom random) {
        return nearest(workloads, nodes, k, sample, random, () -> false);
    }

    /**
     * As above; once {@code stop} says so (asked every {@value #STOP_CHECK} workloads) the workloads not reached yet
     * get no look-alikes: on a large cluster on a busy machine the lists take seconds, and the phase's limit wins.
     */
    static int[][] nearest(
            Workload[] workloads, List<Node> nodes, int k, int sample, SplittableRandom random, BooleanSupplier stop) {
        int n = workloads.length;
        double[][] shares = shares(workloads, nodes);
        int size = Math.min(k, n - 1);
        int[][] nearest = new int[n][];
        int[] best = new int[Math.max(0, size)];
        double[] bestDistance = new double[Math.max(0, size)];
        boolean sampled = n > sample;
        int candidates = sampled ? sample : n;
        for (int i = 0; i < n; i++) {
            if (i % STOP_CHECK == 0 && stop.getAsBoolean()) {
                Arrays.fill(nearest, i, n, new int[0]);
                break;
            }
            int found = 0;
            for (int c = 0; c < candidates; c++) {
                int j = sampled ? random.nextInt(n) : c;
                if (j == i) {
                    continue;
                }
                double d = distance(shares[i], shares[j]);
                if (found == size && (size == 0 || d >= bestDistance[size - 1])
                        || sampled && contains(best, found, j)) {
                    continue;
                }
                if (found < size) {
                    found++;
                }
                // insertion into the sorted list, dropping its last entry when full
                int at = found - 1;
                while (at > 0 && bestDistance[at - 1] > d) {
                    best[at] = best[at - 1];
                    bestDistance[at] = bestDistance[at - 1];
                    at--;
                }
                best[at] = j;
                bestDistance[at] = d;
            }
            nearest[i] = Arrays.copyOf(best, found);
        }
        return nearest;
    }

    static double[][] shares(Workload[] workloads, List<Node> nodes) {
        int resources = 0;
        for (Workload w : workloads) {
            resources = Math.max(resources, w.resourceCount());
        }
        double[] total = new double[resources];
        for (Node node : nodes) {
            for (int r = 0; r < resources; r++) {
                total[r] += node.capacity(r);
            }
        }
        double[][] shares = new double[workloads.length][resources];
        for (int i = 0; i < workloads.length; i++) {
            for (int r = 0; r < workloads[i].resourceCount(); r++) {
                shares[i][r] = total[r] > 0 ? workloads[i].requirement(r) / total[r] : 0.0;
            }
        }
        return shares;
    }

    static double distance(double[] a, double[] b) {
        double d = 0.0;
        for (int r = 0; r < a.length; r++) {
            d += Math.abs(a[r] - b[r]);
        }
        return d;
    }

    private static boolean contains(int[] list, int size, int value) {
        for (int k = 0; k < size; k++) {
            if (list[k] == value) {
                return true;
            }
        }
        return false;
    }
}
