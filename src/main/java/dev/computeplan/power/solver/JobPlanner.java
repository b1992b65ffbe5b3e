package dev.computeplan.power.solver;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The cheapest placement of ONE job given the capacity left by the others (power and GPUs, {@link Capacity}).
 * Exact for non-interruptible jobs (every level and start is scanned, late starts until the late penalty alone
 * exceeds the best cost) and for interruptible jobs without minimum run or overhead (for each final step, the n − 1
 * cheapest free steps before it: the final step is charged only for the part of it the job runs).
 * Interruptible jobs with a minimum run or a checkpoint overhead use a dynamic programme over
 * (progress, run length) that is exact inside {@code [release, deadline + LATE_SEARCH)}.
 */
public final class JobPlanner {

    /** How far past the deadline the dynamic programme looks for a late finish, in steps (bounds its memory). */
    static final int LATE_SEARCH = 192;
    /** Bounds the programme's predecessor table (4 bytes a cell); a window cut by it may miss late finishes. */
    static final long DP_CELLS_MAX = 4_000_000L;

    private JobPlanner() {}

    /** A placement with its cost; {@code placement} is {@link Placement#DROPPED} when dropping is cheapest. */
    public record Choice(Placement placement, long cost) {}

    /** The cheapest placement, or null when none fits and the job may not be dropped. */
    public static Choice best(PowerInstance inst, PowerInstance.Job job, Capacity free) {
        Choice best = job.droppable() ? new Choice(Placement.DROPPED, job.dropPenalty) : null;
        for (PowerInstance.Level level : job.levels) {
            Choice c;
            if (!job.interruptible) {
                c = contiguous(inst, job, level, free, best == null ? Long.MAX_VALUE : best.cost());
            } else if (job.minRun <= 1 && job.overhead == 0) {
                c = cheapestSteps(job, level, free, best == null ? Long.MAX_VALUE : best.cost());
            } else {
                c = runsDp(job, level, free, best == null ? Long.MAX_VALUE : best.cost());
            }
            if (c != null && (best == null || c.cost() < best.cost())) {
                best = c;
            }
        }
        return best;
    }

    /** The cheapest placement at one given level (null if none fits), ignoring dropping. */
    public static Choice bestAtLevel(
            PowerInstance inst, PowerInstance.Job job, PowerInstance.Level level, Capacity free) {
        if (!job.interruptible) {
            return contiguous(inst, job, level, free, Long.MAX_VALUE);
        }
        if (job.minRun <= 1 && job.overhead == 0) {
            return cheapestSteps(job, level, free, Long.MAX_VALUE);
        }
        return runsDp(job, level, free, Long.MAX_VALUE);
    }

    // one run of n steps: start s feasible iff free[u] >= draw for u in [s, s+n)
    static Choice contiguous(
            PowerInstance inst, PowerInstance.Job job, PowerInstance.Level level, Capacity free, long bound) {
        int n = level.runSteps;
        long bestCost = bound;
        int bestStart = -1;
        int ok = 0;
        for (int t = job.release; t < job.latestEnd; t++) {
            int s = t - n + 1;
            long late = job.lateCost(t + 1);
            if (s >= job.release && late >= bestCost) {
                break;
            }
            ok = free.fits(job, level, t) ? ok + 1 : 0;
            if (ok >= n) {
                long cost = level.runCost(inst.prefix(), s, n) + late;
                if (cost < bestCost) {
                    bestCost = cost;
                    bestStart = s;
                }
            }
        }
        return bestStart < 0 ? null : new Choice(Placement.single(level.index, bestStart, n), bestCost);
    }

    // any n free steps: for each final step c (charged for the part the job runs), the n − 1 cheapest free steps
    // before it, kept in a max-heap while c moves right
    static Choice cheapestSteps(PowerInstance.Job job, PowerInstance.Level level, Capacity free, long bound) {
        int n = level.runSteps;
        long bestCost = bound;
        int bestLast = -1;
        // cost in the high bits, the step in the low 20 bits: ordering by cost, then time
        PriorityQueue<Long> kept = new PriorityQueue<>(Math.max(1, n), (a, b) -> Long.compare(b, a));
        long keptCost = 0;
        for (int c = job.release; c < job.latestEnd; c++) {
            long late = job.lateCost(c + 1);
            if (late >= bestCost && c + 1 > job.deadline) {
                break;
            }
            boolean fits = free.fits(job, level, c);
            if (fits && kept.size() == n - 1) {
                long cost = keptCost + level.lastStepCost(c) + late;
                if (cost < bestCost) {
                    bestCost = cost;
                    bestLast = c;
                }
            }
            if (fits && n > 1) {
                long key = (level.stepCost(c) << 20) | (c - job.release);
                kept.add(key);
                keptCost += key >> 20;
                if (kept.size() > n - 1) {
                    keptCost -= kept.poll() >> 20;
                }
            }
        }
        if (bestLast < 0) {
            return null;
        }
        int[] rest = n == 1 ? new int[0] : cheapest(job, level, free, job.release, bestLast, n - 1);
        int[] steps = Arrays.copyOf(rest, n);
        steps[n - 1] = bestLast;
        Arrays.sort(steps);
        return new Choice(Placement.ofSteps(level.index, steps), bestCost);
    }

    private static int[] cheapest(
            PowerInstance.Job job, PowerInstance.Level level, Capacity free, int from, int to, int n) {
        long[] keys = new long[Math.max(0, to - from)];
        int count = 0;
        for (int t = from; t < to; t++) {
            if (free.fits(job, level, t)) {
                keys[count++] = (level.stepCost(t) << 20) | (t - from);
            }
        }
        Arrays.sort(keys, 0, count);
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            steps[i] = (int) (keys[i] & 0xFFFFF) + from;
        }
        return steps;
    }

    /** The cheapest runs with a minimum length and a resume overhead ({@link RunsDp}). */
    static Choice runsDp(PowerInstance.Job job, PowerInstance.Level level, Capacity free, long bound) {
        return new RunsDp(job, level, free, bound).solve();
    }
}
