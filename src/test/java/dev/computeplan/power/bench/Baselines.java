package dev.computeplan.power.bench;

import dev.computeplan.power.solver.JobPlanner;
import dev.computeplan.power.solver.Placement;
import dev.computeplan.power.solver.PowerInstance;
import java.util.Arrays;
import java.util.Comparator;

/** The two baselines of the benchmark, both at full power. */
public final class Baselines {

    private Baselines() {
    }

    /** First come, first served under the cap: by release, each job at the earliest start where it fits, run to the end. */
    public static Placement[] fcfs(PowerInstance inst) {
        Placement[] out = new Placement[inst.jobs.length];
        long[] free = inst.freeMw.clone();
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(order, Comparator.<PowerInstance.Job>comparingInt(j -> j.release).thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            PowerInstance.Level full = job.fullPower();
            out[job.index] = earliestFit(inst, job, full, free, job.release);
        }
        return out;
    }

    /**
     * Greedy shifting that ignores the cap (each job at its own cleanest/cheapest start, full power), then repaired:
     * in order of planned start, a job that does not fit moves to the earliest later start where it fits.
     */
    public static Placement[] shiftThenRepair(PowerInstance inst) {
        Placement[] planned = new Placement[inst.jobs.length];
        for (PowerInstance.Job job : inst.jobs) {
            PowerInstance.Level full = job.fullPower();
            long[] uncapped = new long[inst.steps];
            Arrays.fill(uncapped, PowerInstance.UNCAPPED_MW);
            JobPlanner.Choice c = JobPlanner.bestAtLevel(inst, job, full, uncapped);
            planned[job.index] = c == null ? Placement.DROPPED : c.placement();
        }
        Placement[] out = new Placement[inst.jobs.length];
        long[] free = inst.freeMw.clone();
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(order, Comparator.<PowerInstance.Job>comparingInt(j -> planned[j.index].dropped() ? Integer.MAX_VALUE
                : planned[j.index].starts()[0]).thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            Placement p = planned[job.index];
            PowerInstance.Level full = job.fullPower();
            if (!p.dropped() && fits(p, free, full.drawMw)) {
                p.apply(free, full.drawMw, -1);
                out[job.index] = p;
            } else if (!job.interruptible || p.dropped()) {
                out[job.index] = earliestFit(inst, job, full, free, p.dropped() ? job.release : p.starts()[0]);
            } else {
                out[job.index] = repairSteps(inst, job, full, free, p);
            }
        }
        return out;
    }

    // keep the planned steps that still fit; take the missing ones from the earliest free steps after the plan's last step
    private static Placement repairSteps(PowerInstance inst, PowerInstance.Job job, PowerInstance.Level full, long[] free, Placement p) {
        int[] steps = new int[full.runSteps];
        int count = 0;
        for (int r = 0; r < p.starts().length; r++) {
            for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                if (free[t] >= full.drawMw) {
                    steps[count++] = t;
                }
            }
        }
        for (int t = p.end(); t < inst.steps && count < steps.length; t++) {
            if (free[t] >= full.drawMw) {
                steps[count++] = t;
            }
        }
        if (count < steps.length) {
            return Placement.DROPPED;
        }
        Arrays.sort(steps);
        Placement q = Placement.ofSteps(full.index, steps);
        q.apply(free, full.drawMw, -1);
        return q;
    }

    private static Placement earliestFit(PowerInstance inst, PowerInstance.Job job, PowerInstance.Level level, long[] free, int from) {
        int n = level.runSteps;
        int ok = 0;
        for (int t = from; t < inst.steps; t++) {
            ok = free[t] >= level.drawMw ? ok + 1 : 0;
            if (ok == n) {
                Placement p = Placement.single(level.index, t - n + 1, n);
                p.apply(free, level.drawMw, -1);
                return p;
            }
        }
        return Placement.DROPPED;
    }

    private static boolean fits(Placement p, long[] free, long draw) {
        for (int r = 0; r < p.starts().length; r++) {
            for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                if (free[t] < draw) {
                    return false;
                }
            }
        }
        return true;
    }
}
