package dev.computeplan.power.solver;

import java.util.Arrays;

/**
 * Runs with a minimum length m and an overhead of ov steps per resume, by dynamic programming over the steps. State
 * after a step: (started, p, k): p = steps run − ov × resumes ∈ [−ov, n], k = current run length capped at m (0 =
 * idle). Idle is allowed when k ∈ {0, m}; the job is done when p = n and k = m (its last run is long enough).
 */
final class RunsDp {

    private static final long INF = Long.MAX_VALUE / 4;

    private final PowerInstance.Job job;
    private final PowerInstance.Level level;
    private final Capacity free;
    private final int n;
    private final int m;
    private final int ov;
    private final int from;
    private final int to;
    private final int pSize;
    private final int states;
    private final int[][] pred;
    private long bestCost;
    private int bestT = -1;
    private int bestPrev = -1;

    RunsDp(PowerInstance.Job job, PowerInstance.Level level, Capacity free, long bound) {
        this.job = job;
        this.level = level;
        this.free = free;
        this.n = level.runSteps;
        this.m = job.minRun;
        this.ov = job.overhead;
        this.from = job.release;
        this.pSize = n + ov + 1;
        this.states = 2 * pSize * (m + 1);
        int end = Math.min(job.latestEnd, Math.max(job.deadline, from + n) + JobPlanner.LATE_SEARCH);
        if ((long) states * (end - from) > JobPlanner.DP_CELLS_MAX) {
            end = (int) Math.max(from + 1, from + JobPlanner.DP_CELLS_MAX / states);
        }
        this.to = end;
        this.pred = new int[to - from][];
        this.bestCost = bound;
    }

    /** The cheapest placement below the bound, or null. */
    JobPlanner.Choice solve() {
        long[] cur = new long[states];
        long[] nxt = new long[states];
        Arrays.fill(cur, INF);
        cur[encode(0, 0, 0)] = 0;
        for (int t = from; t < to; t++) {
            if (job.lateCost(t + 1) >= bestCost && t + 1 > job.deadline) {
                break;
            }
            Arrays.fill(nxt, INF);
            int[] pr = new int[states];
            pred[t - from] = pr;
            step(t, cur, nxt, pr);
            long[] swap = cur;
            cur = nxt;
            nxt = swap;
        }
        if (bestT < 0) {
            return null;
        }
        return new JobPlanner.Choice(Placement.ofSteps(level.index, walkBack()), bestCost);
    }

    /** All transitions of step t from {@code cur} into {@code nxt}; a finished job updates the best end. */
    private void step(int t, long[] cur, long[] nxt, int[] pr) {
        boolean canRun = free.fits(job, level, t);
        long stepCost = canRun ? level.stepCost(t) : 0;
        // the step that finishes the job is charged only for the part of it the job runs
        long lastCost = canRun ? level.lastStepCost(t) : 0;
        for (int s = 0; s < states; s++) {
            long c = cur[s];
            if (c >= INF) {
                continue;
            }
            int k = s % (m + 1);
            int p = (s / (m + 1)) % pSize - ov;
            int started = s / ((m + 1) * pSize);
            if (k == 0 || k == m) {
                int idle = encode(started, p, 0);
                if (c < nxt[idle]) {
                    nxt[idle] = c;
                    pr[idle] = s;
                }
            }
            if (!canRun) {
                continue;
            }
            int p2 = k == 0 && started == 1 ? p - ov + 1 : p + 1;
            if (p2 < -ov) {
                continue;
            }
            p2 = Math.min(n, p2);
            int k2 = Math.min(m, k + 1);
            long c2 = c + stepCost;
            if (p2 == n && k2 == m) {
                long total = c + lastCost + job.lateCost(t + 1);
                if (total < bestCost) {
                    bestCost = total;
                    bestT = t;
                    bestPrev = s;
                }
                continue;
            }
            int run = encode(1, p2, k2);
            if (c2 < nxt[run]) {
                nxt[run] = c2;
                pr[run] = s;
            }
        }
    }

    /** The steps run, sorted: a step was run iff the state after it has k > 0. */
    private int[] walkBack() {
        int[] ran = new int[n + (n + 1) * ov + m + 1];
        int count = 0;
        ran[count++] = bestT;
        int s = bestPrev;
        for (int t = bestT - 1; t >= from; t--) {
            if (s % (m + 1) > 0) {
                if (count == ran.length) {
                    ran = Arrays.copyOf(ran, count * 2);
                }
                ran[count++] = t;
            }
            s = pred[t - from][s];
        }
        int[] steps = Arrays.copyOf(ran, count);
        Arrays.sort(steps);
        return steps;
    }

    private int encode(int started, int p, int k) {
        return (started * pSize + p + ov) * (m + 1) + k;
    }
}
