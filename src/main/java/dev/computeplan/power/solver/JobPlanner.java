package dev.computeplan.power.solver;

import java.util.Arrays;

/**
 * The cheapest placement of ONE job given the capacity left by the others ({@code free[t]}, mW).
 * Exact for non-interruptible jobs (every level and start is scanned, late starts until the late penalty alone
 * exceeds the best cost) and for interruptible jobs without minimum run or overhead (the n cheapest free steps).
 * Interruptible jobs with a minimum run or a checkpoint overhead use a dynamic programme over
 * (progress, run length) that is exact inside {@code [release, deadline + LATE_SEARCH)}.
 */
public final class JobPlanner {

    /** How far past the deadline the dynamic programme looks for a late finish, in steps (bounds its memory). */
    static final int LATE_SEARCH = 192;
    /** Bounds the programme's predecessor table (4 bytes a cell); a window cut by it may miss late finishes. */
    private static final long DP_CELLS_MAX = 4_000_000L;

    private JobPlanner() {
    }

    /** A placement with its cost; {@code placement} is {@link Placement#DROPPED} when dropping is cheapest. */
    public record Choice(Placement placement, long cost) {
    }

    /** The cheapest placement, or null when none fits and the job may not be dropped. */
    public static Choice best(PowerInstance inst, PowerInstance.Job job, long[] free) {
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
    public static Choice bestAtLevel(PowerInstance inst, PowerInstance.Job job, PowerInstance.Level level, long[] free) {
        if (!job.interruptible) {
            return contiguous(inst, job, level, free, Long.MAX_VALUE);
        }
        if (job.minRun <= 1 && job.overhead == 0) {
            return cheapestSteps(job, level, free, Long.MAX_VALUE);
        }
        return runsDp(job, level, free, Long.MAX_VALUE);
    }

    // one run of n steps: start s feasible iff free[u] >= draw for u in [s, s+n)
    static Choice contiguous(PowerInstance inst, PowerInstance.Job job, PowerInstance.Level level, long[] free, long bound) {
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
            ok = free[t] >= level.drawMw ? ok + 1 : 0;
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

    // any n free steps, finishing by completion C: the n-1 cheapest free steps before C-1 plus step C-1
    static Choice cheapestSteps(PowerInstance.Job job, PowerInstance.Level level, long[] free, long bound) {
        int n = level.runSteps;
        long bestCost = bound;
        int[] bestSteps = null;
        int firstEnd = Math.min(job.deadline, job.latestEnd);
        // on time: the n cheapest free steps of the window
        int[] onTime = cheapest(job, level, free, job.release, firstEnd, n);
        if (onTime != null) {
            long cost = sum(level, onTime);
            if (cost < bestCost) {
                bestCost = cost;
                bestSteps = onTime;
            }
        }
        // late: the last step is C-1 >= deadline, the rest the cheapest before it
        for (int c = firstEnd + 1; c <= job.latestEnd; c++) {
            long late = job.lateCost(c);
            if (late >= bestCost) {
                break;
            }
            if (free[c - 1] < level.drawMw) {
                continue;
            }
            int[] rest = n == 1 ? new int[0] : cheapest(job, level, free, job.release, c - 1, n - 1);
            if (rest == null) {
                continue;
            }
            long cost = sum(level, rest) + level.stepCost(c - 1) + late;
            if (cost < bestCost) {
                bestCost = cost;
                bestSteps = Arrays.copyOf(rest, rest.length + 1);
                bestSteps[rest.length] = c - 1;
            }
        }
        if (bestSteps == null) {
            return null;
        }
        Arrays.sort(bestSteps);
        return new Choice(Placement.ofSteps(level.index, bestSteps), bestCost);
    }

    private static int[] cheapest(PowerInstance.Job job, PowerInstance.Level level, long[] free, int from, int to, int n) {
        long[] keys = new long[Math.max(0, to - from)];
        int count = 0;
        for (int t = from; t < to; t++) {
            if (free[t] >= level.drawMw) {
                // cost in the high bits, the step in the low 20 bits: sorting orders by cost, then time
                keys[count++] = (level.stepCost(t) << 20) | (t - from);
            }
        }
        if (count < n) {
            return null;
        }
        Arrays.sort(keys, 0, count);
        int[] steps = new int[n];
        for (int i = 0; i < n; i++) {
            steps[i] = (int) (keys[i] & 0xFFFFF) + from;
        }
        return steps;
    }

    private static long sum(PowerInstance.Level level, int[] steps) {
        long s = 0;
        for (int t : steps) {
            s += level.stepCost(t);
        }
        return s;
    }

    /*
     * Runs with a minimum length m and an overhead of ov steps per resume. State after a step:
     * (started, p, k): p = steps run − ov × resumes ∈ [−ov, n], k = current run length capped at m (0 = idle).
     * Idle is allowed when k ∈ {0, m}; the job is done when p = n and k = m (its last run is long enough).
     */
    static Choice runsDp(PowerInstance.Job job, PowerInstance.Level level, long[] free, long bound) {
        int n = level.runSteps;
        int m = job.minRun;
        int ov = job.overhead;
        int from = job.release;
        int to = Math.min(job.latestEnd, Math.max(job.deadline, from + n) + LATE_SEARCH);
        int pSize = n + ov + 1;
        int states = 2 * pSize * (m + 1);
        if ((long) states * (to - from) > DP_CELLS_MAX) {
            to = (int) Math.max(from + 1, from + DP_CELLS_MAX / states);
        }
        long inf = Long.MAX_VALUE / 4;
        long[] cur = new long[states];
        long[] nxt = new long[states];
        Arrays.fill(cur, inf);
        int[][] pred = new int[to - from][];
        cur[encode(0, 0, 0, ov, pSize, m)] = 0;
        long bestCost = bound;
        int bestT = -1;
        int bestPrev = -1;
        for (int t = from; t < to; t++) {
            if (job.lateCost(t + 1) >= bestCost && t + 1 > job.deadline) {
                break;
            }
            Arrays.fill(nxt, inf);
            int[] pr = new int[states];
            pred[t - from] = pr;
            boolean canRun = free[t] >= level.drawMw;
            long stepCost = canRun ? level.stepCost(t) : 0;
            for (int s = 0; s < states; s++) {
                long c = cur[s];
                if (c >= inf) {
                    continue;
                }
                int k = s % (m + 1);
                int p = (s / (m + 1)) % pSize - ov;
                int started = s / ((m + 1) * pSize);
                if (k == 0 || k == m) {
                    int idle = encode(started, p, 0, ov, pSize, m);
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
                    long total = c2 + job.lateCost(t + 1);
                    if (total < bestCost) {
                        bestCost = total;
                        bestT = t;
                        bestPrev = s;
                    }
                    continue;
                }
                int run = encode(1, p2, k2, ov, pSize, m);
                if (c2 < nxt[run]) {
                    nxt[run] = c2;
                    pr[run] = s;
                }
            }
            long[] swap = cur;
            cur = nxt;
            nxt = swap;
        }
        if (bestT < 0) {
            return null;
        }
        // walk back: a step was run iff the state after it has k > 0
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
        return new Choice(Placement.ofSteps(level.index, steps), bestCost);
    }

    private static int encode(int started, int p, int k, int ov, int pSize, int m) {
        return (started * pSize + p + ov) * (m + 1) + k;
    }
}
