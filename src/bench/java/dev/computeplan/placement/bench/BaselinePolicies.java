package dev.computeplan.placement.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The published baselines the product is compared with: best-fit (the paper's and our GPU-first one) and FGD. */
final class BaselinePolicies {

    private BaselinePolicies() {}

    /**
     * Best-fit as the FGD paper's simulator defines it: one integer score per node, {@code (int) (100 x (1 - (0.5 x
     * leftover CPU / 128,000 + 0.5 x leftover GPU milli / 8,000)))}, highest wins, ties by a seeded random node rank.
     */
    static Policy bestFitPaper(ClusterState state, long seed) {
        int[] rank = rank(state.cpuFree.length, seed);
        return (s, p) -> {
            Policy.Choice best = null;
            int bestScore = Integer.MIN_VALUE;
            int bestRank = Integer.MAX_VALUE;
            for (int n = 0; n < s.cpuFree.length; n++) {
                int[] g = s.gpuChoice(n, p);
                if (g == null) {
                    continue;
                }
                long freeGpu = 0;
                for (int u : s.gpuUsed[n]) {
                    freeGpu += 1000 - u;
                }
                double left = 0.5 * (s.cpuFree[n] - p.cpu()) / 128_000.0 + 0.5 * (freeGpu - p.gpuMilli()) / 8_000.0;
                int score = (int) ((1.0 - left) * 100);
                if (score > bestScore || (score == bestScore && rank[n] < bestRank)) {
                    bestScore = score;
                    bestRank = rank[n];
                    best = new Policy.Choice(n, g);
                }
            }
            return best;
        };
    }

    /** A seeded random rank per node, the tie-break of the paper's integer scores. */
    private static int[] rank(int n, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 31 + 7));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[order.get(i)] = i;
        }
        return rank;
    }

    /** Our GPU-first best-fit: the node left with the least free GPU capacity, then least free CPU. */
    static Policy.Choice bestFitGpuFirst(ClusterState s, Pod p) {
        Policy.Choice best = null;
        double bestKey = Double.MAX_VALUE;
        for (int n = 0; n < s.cpuFree.length; n++) {
            int[] g = s.gpuChoice(n, p);
            if (g == null) {
                continue;
            }
            long freeGpu = 0;
            for (int u : s.gpuUsed[n]) {
                freeGpu += 1000 - u;
            }
            freeGpu -= p.gpuMilli();
            double key = freeGpu + (s.cpuFree[n] - p.cpu()) / 1e6;
            if (key < bestKey) {
                bestKey = key;
                best = new Policy.Choice(n, g);
            }
        }
        return best;
    }

    /** FGD: 100*sigmoid(fragmentation decrease / 1000) truncated to an integer, ties by a seeded node order. */
    static Policy fgd(List<Shape> shapes, ClusterState state, long seed) {
        int n = state.cpuFree.length;
        int[] rank = rank(n, seed);
        return (s, p) -> {
            Policy.Choice best = null;
            int bestScore = Integer.MIN_VALUE;
            int bestRank = Integer.MAX_VALUE;
            for (int node = 0; node < n; node++) {
                Policy.Choice c = bestGpuByFragment(s, node, p, shapes);
                if (c == null) {
                    continue;
                }
                double before = fragment(s, node, shapes, null, null);
                double after = fragment(s, node, shapes, p, c.gpus());
                int score = (int) (100.0 / (1.0 + Math.exp(-(before - after) / 1000.0)));
                if (score > bestScore || (score == bestScore && rank[node] < bestRank)) {
                    bestScore = score;
                    bestRank = rank[node];
                    best = c;
                }
            }
            return best;
        };
    }

    /** Within a node, the GPU choice that leaves the least fragmentation (shares); whole GPUs: lowest free. */
    private static Policy.Choice bestGpuByFragment(ClusterState s, int node, Pod p, List<Shape> shapes) {
        int[] g = s.gpuChoice(node, p);
        if (g == null || !p.share()) {
            return g == null ? null : new Policy.Choice(node, g);
        }
        int[] used = s.gpuUsed[node];
        int best = -1;
        double bestFrag = Double.MAX_VALUE;
        for (int i = 0; i < used.length; i++) {
            if (used[i] + p.milli() <= 1000) {
                double f = fragment(s, node, shapes, p, new int[] {i});
                if (f < bestFrag) {
                    bestFrag = f;
                    best = i;
                }
            }
        }
        return new Policy.Choice(node, new int[] {best});
    }

    /** FGD node fragmentation (popularity-weighted idle GPU milli the shapes cannot use), optionally after placing p. */
    private static double fragment(ClusterState s, int node, List<Shape> shapes, Pod p, int[] gpus) {
        int[] used = s.gpuUsed[node].clone();
        long cpu = s.cpuFree[node];
        long mem = s.memFree[node];
        if (p != null) {
            cpu -= p.cpu();
            mem -= p.mem();
            for (int g : gpus) {
                used[g] += p.share() ? p.milli() : 1000;
            }
        }
        long free = 0;
        int freeWhole = 0;
        int maxFree = 0;
        for (int u : used) {
            free += 1000 - u;
            freeWhole += u == 0 ? 1 : 0;
            maxFree = Math.max(maxFree, 1000 - u);
        }
        double total = 0;
        for (Shape m : shapes) {
            boolean fits = m.cpu() <= cpu
                    && m.mem() <= mem
                    && m.gpus() > 0
                    && (m.gpus() == 1 && m.milli() < 1000 ? maxFree >= m.milli() : freeWhole >= m.gpus());
            long f;
            if (!fits) {
                f = free;
            } else {
                int need = m.gpus() == 1 && m.milli() < 1000 ? m.milli() : 1000;
                f = 0;
                for (int u : used) {
                    if (1000 - u < need) {
                        f += 1000 - u;
                    }
                }
            }
            total += m.popularity() * f;
        }
        return total;
    }
}
