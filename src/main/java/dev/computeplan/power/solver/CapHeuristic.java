package dev.computeplan.power.solver;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The scalable path. (1) The per-job optimum ignores the other jobs: exact when the cap does not bind, and its
 * cost is a lower bound in any case. (2) Under a binding cap: greedy insertion (earliest deadline first, each job
 * at its cheapest placement in the capacity left), then rounds of remove-and-reinsert (each job moved to its
 * cheapest placement given all others) until a round improves nothing or time runs out.
 */
public final class CapHeuristic {

    /** Stands for a job that could not be placed and may not be dropped: the schedule is infeasible. */
    public static final long UNPLACED = 1_000_000_000_000_000L;

    private final PowerInstance inst;

    public CapHeuristic(PowerInstance inst) {
        this.inst = inst;
    }

    /** Each job at its own cheapest placement under cap − base load, as if alone. */
    public Placement[] perJobOptimum() {
        Placement[] out = new Placement[inst.jobs.length];
        for (PowerInstance.Job job : inst.jobs) {
            JobPlanner.Choice c = JobPlanner.best(inst, job, inst.freeMw);
            out[job.index] = c == null ? Placement.DROPPED : c.placement();
        }
        return out;
    }

    /** Σ of the per-job optima: no schedule of this instance costs less. */
    public long lowerBound(Placement[] perJobOptimum) {
        long sum = 0;
        for (PowerInstance.Job job : inst.jobs) {
            sum += cost(job, perJobOptimum[job.index]);
        }
        return Math.min(sum, UNPLACED);
    }

    /** True when the schedule's draw stays within cap − base load at every step. */
    public boolean withinCap(Placement[] schedule) {
        long[] used = Costs.load(inst, schedule);
        for (int t = 0; t < inst.steps; t++) {
            if (used[t] > inst.freeMw[t]) {
                return false;
            }
        }
        return true;
    }

    /** Earliest-deadline-first insertion of every job at its cheapest placement in the capacity left. */
    public Placement[] greedy() {
        Placement[] schedule = new Placement[inst.jobs.length];
        Arrays.fill(schedule, Placement.DROPPED);
        long[] free = inst.freeMw.clone();
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(order, Comparator.<PowerInstance.Job>comparingInt(j -> j.deadline)
                .thenComparing(j -> -j.source.priority()).thenComparingInt(j -> j.release).thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            place(job, schedule, free);
        }
        return schedule;
    }

    /**
     * Moves jobs to their cheapest placement given all others until no move improves or {@code stop} says so.
     * Reports each improved round. Returns the improved schedule (the input array is changed in place).
     */
    public Placement[] improve(Placement[] schedule, BooleanSupplier stop, Consumer<Placement[]> onImproved) {
        long[] free = inst.freeMw.clone();
        long[] used = Costs.load(inst, schedule);
        for (int t = 0; t < inst.steps; t++) {
            free[t] -= used[t];
        }
        boolean improved = true;
        while (improved && !stop.getAsBoolean()) {
            improved = false;
            Integer[] order = new Integer[inst.jobs.length];
            long[] current = new long[inst.jobs.length];
            for (PowerInstance.Job job : inst.jobs) {
                order[job.index] = job.index;
                current[job.index] = cost(job, schedule[job.index]);
            }
            // the most expensive jobs first: they have the most to gain
            Arrays.sort(order, Comparator.comparingLong((Integer j) -> -current[j]).thenComparingInt(j -> j));
            for (int j : order) {
                if (stop.getAsBoolean()) {
                    break;
                }
                PowerInstance.Job job = inst.jobs[j];
                Placement old = schedule[j];
                long oldCost = current[j];
                if (!old.dropped()) {
                    old.apply(free, job.levels[old.level()].drawMw, 1);
                }
                JobPlanner.Choice c = JobPlanner.best(inst, job, free);
                Placement next = c != null && c.cost() < oldCost ? c.placement() : old;
                if (!next.dropped()) {
                    next.apply(free, job.levels[next.level()].drawMw, -1);
                }
                if (next != old) {
                    schedule[j] = next;
                    improved = true;
                }
            }
            if (improved) {
                onImproved.accept(schedule.clone());
            }
        }
        return schedule;
    }

    private void place(PowerInstance.Job job, Placement[] schedule, long[] free) {
        JobPlanner.Choice c = JobPlanner.best(inst, job, free);
        Placement p = c == null ? Placement.DROPPED : c.placement();
        schedule[job.index] = p;
        if (!p.dropped()) {
            p.apply(free, job.levels[p.level()].drawMw, -1);
        }
    }

    /** The µ$ objective of one job's placement, {@link #UNPLACED} for a forced drop. */
    public long cost(PowerInstance.Job job, Placement p) {
        if (p.dropped() && !job.droppable()) {
            return UNPLACED;
        }
        return Costs.of(inst, job, p);
    }

    public long total(Placement[] schedule) {
        long sum = 0;
        for (PowerInstance.Job job : inst.jobs) {
            sum = Math.min(UNPLACED, sum + cost(job, schedule[job.index]));
        }
        return sum;
    }

    /** True when some job that may not be dropped is unplaced. */
    public boolean hasUnplaced(Placement[] schedule) {
        for (PowerInstance.Job job : inst.jobs) {
            if (schedule[job.index].dropped() && !job.droppable()) {
                return true;
            }
        }
        return false;
    }
}
