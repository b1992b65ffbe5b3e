package dev.computeplan.power.solver;

import java.util.Arrays;

/**
 * What the jobs may still use at each step: IT power (mW) and, where the site has an inventory, GPUs of each model.
 * Every heuristic places jobs against one of these, so that no schedule it builds breaks either limit.
 */
public final class Capacity {

    /** Free IT power per step, mW. */
    final long[] mw;
    /** Free GPUs per inventoried model and step: gpus[type][t]. */
    final int[][] gpus;

    private Capacity(long[] mw, int[][] gpus) {
        this.mw = mw;
        this.gpus = gpus;
    }

    /** The whole site: cap headroom and every GPU of the inventory. */
    public static Capacity of(PowerInstance inst) {
        int[][] gpus = new int[inst.gpuTypes.length][inst.steps];
        for (int k = 0; k < gpus.length; k++) {
            Arrays.fill(gpus[k], inst.gpuLimit[k]);
        }
        return new Capacity(inst.freeMw.clone(), gpus);
    }

    /** No limit at all (the cap and the inventory ignored). */
    public static Capacity unlimited(PowerInstance inst) {
        long[] mw = new long[inst.steps];
        Arrays.fill(mw, PowerInstance.UNCAPPED_MW);
        return new Capacity(mw, new int[0][]);
    }

    /** What is left of the whole site once {@code schedule} runs. */
    public static Capacity after(PowerInstance inst, Placement[] schedule) {
        Capacity c = of(inst);
        for (PowerInstance.Job job : inst.jobs) {
            c.take(job, schedule[job.index]);
        }
        return c;
    }

    public Capacity copy() {
        int[][] g = new int[gpus.length][];
        for (int k = 0; k < g.length; k++) {
            g[k] = gpus[k].clone();
        }
        return new Capacity(mw.clone(), g);
    }

    /** Whether the job at that level fits at step t. */
    public boolean fits(PowerInstance.Job job, PowerInstance.Level level, int t) {
        return mw[t] >= level.drawMw && (!counts(job) || gpus[job.gpuType][t] >= job.source.gpus());
    }

    /** Whether the placement fits at every step it runs. */
    public boolean fits(PowerInstance.Job job, Placement p) {
        if (p.dropped()) {
            return true;
        }
        PowerInstance.Level level = job.levels[p.level()];
        for (int r = 0; r < p.starts().length; r++) {
            for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                if (!fits(job, level, t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Uses what the placement needs (a dropped job needs nothing). */
    public void take(PowerInstance.Job job, Placement p) {
        change(job, p, -1);
    }

    /** Gives back what the placement used. */
    public void release(PowerInstance.Job job, Placement p) {
        change(job, p, 1);
    }

    /** True when no step is over either limit. */
    public boolean holds() {
        for (long f : mw) {
            if (f < 0) {
                return false;
            }
        }
        for (int[] type : gpus) {
            for (int g : type) {
                if (g < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether this capacity counts the job's GPUs (not when unlimited, nor for a model without inventory). */
    private boolean counts(PowerInstance.Job job) {
        return job.gpuType >= 0 && job.gpuType < gpus.length;
    }

    private void change(PowerInstance.Job job, Placement p, int sign) {
        if (p.dropped()) {
            return;
        }
        p.apply(mw, job.levels[p.level()].drawMw, sign);
        if (counts(job)) {
            int[] free = gpus[job.gpuType];
            for (int r = 0; r < p.starts().length; r++) {
                for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                    free[t] += sign * job.source.gpus();
                }
            }
        }
    }
}
