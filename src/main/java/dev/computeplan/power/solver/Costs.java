package dev.computeplan.power.solver;

/** The integer objective (µ$) of placements: the one definition every solver and the tests share. */
public final class Costs {

    private Costs() {}

    public static long of(PowerInstance inst, PowerInstance.Job job, Placement p) {
        if (p.dropped()) {
            return job.dropPenalty;
        }
        PowerInstance.Level level = job.levels[p.level()];
        long cost = 0;
        if (!job.interruptible) {
            cost += level.runCost(inst.prefix(), p.starts()[0], p.lengths()[0]);
        } else {
            int last = p.end() - 1;
            for (int r = 0; r < p.starts().length; r++) {
                for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                    cost += t == last ? level.lastStepCost(t) : level.stepCost(t);
                }
            }
        }
        return cost + job.lateCost(p.end());
    }

    public static long total(PowerInstance inst, Placement[] schedule) {
        long sum = 0;
        for (PowerInstance.Job job : inst.jobs) {
            sum += of(inst, job, schedule[job.index]);
        }
        return sum;
    }

    /** Draw per step of a schedule, mW. */
    public static long[] load(PowerInstance inst, Placement[] schedule) {
        long[] used = new long[inst.steps];
        for (PowerInstance.Job job : inst.jobs) {
            Placement p = schedule[job.index];
            if (!p.dropped()) {
                p.apply(used, job.levels[p.level()].drawMw, 1);
            }
        }
        return used;
    }
}
