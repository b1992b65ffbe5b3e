package dev.computeplan.power.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
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
    /** At most this many jobs are removed in one ruin step. */
    static final int RUIN_MAX_JOBS = 40;

    private final PowerInstance inst;

    public CapHeuristic(PowerInstance inst) {
        this.inst = inst;
    }

    /** Each job at its own cheapest placement under cap − base load, as if alone. */
    public Placement[] perJobOptimum() {
        Placement[] out = new Placement[inst.jobs.length];
        Capacity alone = Capacity.of(inst);
        for (PowerInstance.Job job : inst.jobs) {
            JobPlanner.Choice c = JobPlanner.best(inst, job, alone);
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

    /** True when the schedule holds the cap and the GPU inventory at every step. */
    public boolean withinCap(Placement[] schedule) {
        return Capacity.after(inst, schedule).holds();
    }

    /** Earliest-deadline-first insertion of every job at its cheapest placement in the capacity left. */
    public Placement[] greedy() {
        return greedy(false);
    }

    /**
     * The same with each job at full power: slow levels hold GPUs longer, so when the inventory binds this start
     * leaves room that the cheapest-level one fills.
     */
    public Placement[] greedy(boolean fullPowerOnly) {
        Placement[] schedule = new Placement[inst.jobs.length];
        Arrays.fill(schedule, Placement.DROPPED);
        Capacity free = Capacity.of(inst);
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(
                order,
                Comparator.<PowerInstance.Job>comparingInt(j -> j.deadline)
                        .thenComparing(j -> -j.source.priority())
                        .thenComparingInt(j -> j.release)
                        .thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            if (fullPowerOnly) {
                JobPlanner.Choice c = JobPlanner.bestAtLevel(inst, job, job.fullPower(), free);
                Placement p =
                        c == null || job.droppable() && c.cost() > job.dropPenalty ? Placement.DROPPED : c.placement();
                schedule[job.index] = p;
                free.take(job, p);
            } else {
                place(job, schedule, free);
            }
        }
        return schedule;
    }

    /**
     * Moves jobs to their cheapest placement given all others until no move improves or {@code stop} says so.
     * Reports each improved round. Returns the improved schedule (the input array is changed in place).
     */
    public Placement[] improve(Placement[] schedule, BooleanSupplier stop, Consumer<Placement[]> onImproved) {
        Capacity free = Capacity.after(inst, schedule);
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
            Arrays.sort(
                    order, Comparator.comparingLong((Integer j) -> -current[j]).thenComparingInt(j -> j));
            for (int j : order) {
                if (stop.getAsBoolean()) {
                    break;
                }
                PowerInstance.Job job = inst.jobs[j];
                Placement old = schedule[j];
                long oldCost = current[j];
                free.release(job, old);
                JobPlanner.Choice c = JobPlanner.best(inst, job, free);
                Placement next = c != null && c.cost() < oldCost ? c.placement() : old;
                free.take(job, next);
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

    /** First come, first served: by release, each job at full power at the earliest start where it fits. */
    public Placement[] earliestFit() {
        Placement[] schedule = new Placement[inst.jobs.length];
        Capacity free = Capacity.of(inst);
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(
                order,
                Comparator.<PowerInstance.Job>comparingInt(j -> j.release).thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            PowerInstance.Level full = job.fullPower();
            Placement p = earliestFit(job, full, free, job.release);
            if (p.dropped()) {
                place(job, schedule, free);
            } else {
                schedule[job.index] = p;
                free.take(job, p);
            }
        }
        return schedule;
    }

    /**
     * Greedy shifting that ignores the cap (each job at its own cheapest placement at full power), then repaired: in
     * order of planned start, a job that does not fit moves to the earliest later start where it fits (interruptible
     * jobs keep the planned steps that fit and take the missing ones from the first free steps after the plan).
     */
    public Placement[] shiftThenRepair() {
        Placement[] planned = new Placement[inst.jobs.length];
        Capacity uncapped = Capacity.unlimited(inst);
        for (PowerInstance.Job job : inst.jobs) {
            JobPlanner.Choice c = JobPlanner.bestAtLevel(inst, job, job.fullPower(), uncapped);
            planned[job.index] = c == null ? Placement.DROPPED : c.placement();
        }
        Placement[] out = new Placement[inst.jobs.length];
        Capacity free = Capacity.of(inst);
        PowerInstance.Job[] order = inst.jobs.clone();
        Arrays.sort(
                order,
                Comparator.<PowerInstance.Job>comparingInt(j -> planned[j.index].dropped()
                                ? Integer.MAX_VALUE
                                : planned[j.index].starts()[0])
                        .thenComparingInt(j -> j.index));
        for (PowerInstance.Job job : order) {
            Placement p = planned[job.index];
            PowerInstance.Level full = job.fullPower();
            Placement q;
            if (!p.dropped() && free.fits(job, p)) {
                q = p;
            } else if (!job.interruptible || p.dropped()) {
                q = earliestFit(job, full, free, p.dropped() ? job.release : p.starts()[0]);
            } else {
                q = repairSteps(job, full, free, p);
            }
            out[job.index] = q;
            free.take(job, q);
        }
        return out;
    }

    private Placement repairSteps(PowerInstance.Job job, PowerInstance.Level full, Capacity free, Placement p) {
        if (job.minRun > 1 || job.overhead > 0) {
            // moving single steps could break the minimum run or add resumes: move the job as one run instead
            return earliestFit(job, full, free, p.starts()[0]);
        }
        int[] steps = new int[full.runSteps];
        int count = 0;
        for (int r = 0; r < p.starts().length; r++) {
            for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                if (free.fits(job, full, t)) {
                    steps[count++] = t;
                }
            }
        }
        for (int t = p.end(); t < job.latestEnd && count < steps.length; t++) {
            if (free.fits(job, full, t)) {
                steps[count++] = t;
            }
        }
        if (count < steps.length) {
            return earliestFit(job, full, free, p.starts()[0]);
        }
        Arrays.sort(steps);
        return Placement.ofSteps(full.index, steps);
    }

    // one run from the earliest start ≥ from where it fits; an interruptible job runs at least its minimum run
    private static Placement earliestFit(PowerInstance.Job job, PowerInstance.Level level, Capacity free, int from) {
        int length = job.interruptible ? Math.max(level.runSteps, job.minRun) : level.runSteps;
        int ok = 0;
        for (int t = from; t < job.latestEnd; t++) {
            ok = free.fits(job, level, t) ? ok + 1 : 0;
            if (ok == length) {
                return Placement.single(level.index, t - length + 1, length);
            }
        }
        return Placement.DROPPED;
    }

    /**
     * Ruin and recreate: remove the jobs that run in a random window (around a late job when there is one), put them
     * back one by one at their cheapest placement (earliest deadline first, or in random order), keep the result if
     * it costs no more. Seeded, so a run is repeatable for a given number of iterations.
     */
    public Placement[] ruinAndRecreate(
            Placement[] schedule, long seed, BooleanSupplier stop, Consumer<Placement[]> onImproved) {
        Random rnd = new Random(seed);
        Capacity free = Capacity.after(inst, schedule);
        long current = total(schedule);
        long lastReported = current;
        long lastReportNanos = System.nanoTime();
        while (!stop.getAsBoolean()) {
            List<PowerInstance.Job> removed = ruin(schedule, rnd);
            if (removed.isEmpty()) {
                continue;
            }
            current += recreate(schedule, free, removed, rnd);
            // report at most twice a second: each report serialises the whole schedule
            if (current < lastReported && System.nanoTime() - lastReportNanos > 500_000_000L) {
                onImproved.accept(schedule.clone());
                lastReported = current;
                lastReportNanos = System.nanoTime();
            }
        }
        if (current < lastReported) {
            onImproved.accept(schedule.clone());
        }
        return schedule;
    }

    /** The jobs (at most {@link #RUIN_MAX_JOBS}) that run, or could run if dropped, in a random window. */
    private List<PowerInstance.Job> ruin(Placement[] schedule, Random rnd) {
        int center = pickCenter(schedule, rnd);
        int half = 12 + rnd.nextInt(84);
        int from = Math.max(0, center - half);
        int to = Math.min(inst.steps, center + half);
        List<PowerInstance.Job> removed = new ArrayList<>();
        for (PowerInstance.Job job : inst.jobs) {
            Placement p = schedule[job.index];
            boolean hit = p.dropped() ? job.release < to && job.latestEnd > from : p.starts()[0] < to && p.end() > from;
            if (hit && removed.size() < RUIN_MAX_JOBS) {
                removed.add(job);
            }
        }
        return removed;
    }

    /**
     * Takes the removed jobs out and puts them back one by one at their cheapest placement; keeps the result if it
     * costs no more, else restores the old placements. Returns the change in cost (0 when restored).
     */
    private long recreate(Placement[] schedule, Capacity free, List<PowerInstance.Job> removed, Random rnd) {
        // the reinsertion order, fixed before old[i] is taken so that old[i] stays job i's placement
        if (rnd.nextBoolean()) {
            removed.sort(
                    Comparator.<PowerInstance.Job>comparingInt(j -> j.deadline).thenComparingInt(j -> j.index));
        } else {
            Collections.shuffle(removed, rnd);
        }
        Placement[] old = new Placement[removed.size()];
        long oldCost = 0;
        for (int i = 0; i < old.length; i++) {
            PowerInstance.Job job = removed.get(i);
            old[i] = schedule[job.index];
            oldCost += cost(job, old[i]);
            free.release(job, old[i]);
        }
        long newCost = 0;
        Placement[] fresh = new Placement[removed.size()];
        for (int i = 0; i < fresh.length; i++) {
            PowerInstance.Job job = removed.get(i);
            JobPlanner.Choice c = JobPlanner.best(inst, job, free);
            fresh[i] = c == null ? Placement.DROPPED : c.placement();
            newCost = Math.min(UNPLACED, newCost + cost(job, fresh[i]));
            free.take(job, fresh[i]);
        }
        boolean accept = newCost <= oldCost;
        for (int i = 0; i < fresh.length; i++) {
            PowerInstance.Job job = removed.get(i);
            if (accept) {
                schedule[job.index] = fresh[i];
            } else {
                free.release(job, fresh[i]);
                free.take(job, old[i]);
            }
        }
        return accept ? newCost - oldCost : 0;
    }

    private int pickCenter(Placement[] schedule, Random rnd) {
        if (rnd.nextInt(10) < 7) {
            // around a late or dropped job, found by sampling
            for (int tries = 0; tries < 20; tries++) {
                PowerInstance.Job job = inst.jobs[rnd.nextInt(inst.jobs.length)];
                Placement p = schedule[job.index];
                if (p.dropped() || p.end() > job.deadline) {
                    return job.release + rnd.nextInt(Math.max(1, job.deadline - job.release));
                }
            }
        }
        return rnd.nextInt(inst.steps);
    }

    private void place(PowerInstance.Job job, Placement[] schedule, Capacity free) {
        JobPlanner.Choice c = JobPlanner.best(inst, job, free);
        Placement p = c == null ? Placement.DROPPED : c.placement();
        schedule[job.index] = p;
        free.take(job, p);
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
