package dev.computeplan.power.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Constraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import com.google.ortools.util.Domain;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The interval CP-SAT model for non-interruptible jobs, in integer units (steps, mW, µ$). Its size grows with the
 * number of jobs and levels, not with jobs × starts as the time-indexed {@link PowerModel} does, so it is built for
 * a week of jobs, and for the windows of the rolling horizon ({@link WindowSearch}) with the other jobs fixed.
 *
 * <pre>
 * For job j of the chosen set, level l (n_jl steps, draw P_jl), starts restricted to [a_jl, b_jl] where
 *   a_jl = max(r_j, from), b_jl = min(E_j, to) − n_jl (E_j = deadline, or horizon end if the job may be late):
 *   present[j,l] ∈ {0,1}, start[j,l] ∈ [a_jl, b_jl], optional interval run[j,l] = [start, start + n_jl)
 *   cost[j,l] = K_jl[start[j,l] − a_jl]   (element; K_jl[s] = energy + CO2 µ$ of the run from s + late penalty)
 *   jobCost[j] = cost[j,l] of the present level (D_j if dropped), drop[j] ∈ {0,1} only for jobs that may be dropped
 * </pre>
 *
 * The free capacity per step is given: cap − base load for the whole problem, minus the fixed jobs' draw in a window.
 */
public final class IntervalModel {

    private final PowerInstance inst;
    private final int[] chosen;
    private final Capacity free;
    private final int from;
    private final int to;
    private long upper = Long.MAX_VALUE;
    private boolean fullPowerOnly;
    private final CpModel model = new CpModel();
    /** Indexed by position in {@code chosen}. */
    private final BoolVar[][] present;

    private final IntVar[][] start;
    private final IntVar[][] cost;
    private final int[][] first;
    private final long[][][] costPerStart;
    private final IntVar[] jobCost;
    private final BoolVar[] drop;

    /**
     * @param chosen the jobs to place (each non-interruptible); the others are fixed and already left out of free
     * @param free   power and GPUs per step left for the chosen jobs
     * @param from   no chosen job starts before this step
     * @param to     no chosen job runs at or after this step
     */
    public IntervalModel(PowerInstance inst, int[] chosen, Capacity free, int from, int to) {
        PowerSolver.loadNative();
        this.inst = inst;
        this.chosen = chosen;
        this.free = free;
        this.from = from;
        this.to = to;
        int n = chosen.length;
        present = new BoolVar[n][];
        start = new IntVar[n][];
        cost = new IntVar[n][];
        first = new int[n][];
        costPerStart = new long[n][][];
        jobCost = new IntVar[n];
        drop = new BoolVar[n];
        for (int j : chosen) {
            if (inst.jobs[j].interruptible) {
                throw new IllegalArgumentException("the interval model places non-interruptible jobs only: " + j);
            }
        }
    }

    /** The whole problem: every job chosen, the whole horizon, cap − base load. */
    public static IntervalModel whole(PowerInstance inst) {
        int[] all = new int[inst.jobs.length];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return new IntervalModel(inst, all, Capacity.of(inst), 0, inst.steps);
    }

    /** True when every job is non-interruptible (the interval model covers the problem). */
    public static boolean covers(PowerInstance inst) {
        for (PowerInstance.Job job : inst.jobs) {
            if (job.interruptible) {
                return false;
            }
        }
        return true;
    }

    /**
     * Leaves out every start whose cost exceeds its job's cheapest start by more than U − Σ_j cheapest_j, with U the
     * cost of a known schedule of the chosen jobs: a schedule using such a start costs more than U. So the model's
     * optimum, and CP-SAT's bound, stay exact for every schedule that costs at most U (the known one among them).
     */
    public IntervalModel withUpperBound(long upperMicroUsd) {
        this.upper = upperMicroUsd;
        return this;
    }

    /** Offers each job only its full-power level: a smaller model whose schedules are all schedules of the whole. */
    public IntervalModel fullPowerOnly() {
        this.fullPowerOnly = true;
        return this;
    }

    private boolean offered(PowerInstance.Job job, PowerInstance.Level level) {
        return !fullPowerOnly || level == job.fullPower();
    }

    public IntervalModel build() {
        variables();
        constraints();
        objective();
        return this;
    }

    public CpModel model() {
        return model;
    }

    public void variables() {
        long[] cheapest = costsPerStart();
        long sumCheapest = 0;
        for (int i = 0; i < chosen.length; i++) {
            sumCheapest = cheapest[i] == Long.MAX_VALUE
                    ? Long.MAX_VALUE
                    : Math.min(Long.MAX_VALUE / 4, sumCheapest + cheapest[i]);
        }
        // slack = U − Σ_j cheapest_j: how much dearer than its cheapest start a job can be in a schedule costing ≤ U
        long slack = upper == Long.MAX_VALUE || sumCheapest == Long.MAX_VALUE
                ? Long.MAX_VALUE
                : Math.max(0, upper - sumCheapest);
        for (int i = 0; i < chosen.length; i++) {
            jobVariables(i, cheapest[i], slack);
        }
    }

    /** Fills {@code first} and {@code costPerStart}; returns each chosen job's cheapest cost (its drop penalty at most). */
    private long[] costsPerStart() {
        double[] prefix = inst.prefix();
        long[] cheapest = new long[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            PowerInstance.Job job = inst.jobs[chosen[i]];
            first[i] = new int[job.levels.length];
            costPerStart[i] = new long[job.levels.length][];
            cheapest[i] = job.droppable() ? job.dropPenalty : Long.MAX_VALUE;
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                int a = Math.max(job.release, from);
                int b = offered(job, level) ? Math.min(job.latestEnd, to) - level.runSteps : a - 1;
                first[i][l] = a;
                long[] k = new long[Math.max(0, b - a + 1)];
                for (int s = a; s <= b; s++) {
                    k[s - a] = level.runCost(prefix, s, level.runSteps) + job.lateCost(s + level.runSteps);
                    cheapest[i] = Math.min(cheapest[i], k[s - a]);
                }
                costPerStart[i][l] = k;
            }
        }
        return cheapest;
    }

    /** Chosen job i: per level presence, a start among the starts within the slack, its cost; drop; job cost. */
    private void jobVariables(int i, long cheapestI, long slack) {
        PowerInstance.Job job = inst.jobs[chosen[i]];
        int j = job.index;
        int levels = job.levels.length;
        present[i] = new BoolVar[levels];
        start[i] = new IntVar[levels];
        cost[i] = new IntVar[levels];
        long limit = slack == Long.MAX_VALUE || cheapestI == Long.MAX_VALUE ? Long.MAX_VALUE : cheapestI + slack;
        long dearest = job.droppable() ? job.dropPenalty : 0;
        for (PowerInstance.Level level : job.levels) {
            int l = level.index;
            long[] k = costPerStart[i][l];
            present[i][l] = model.newBoolVar("present[" + j + "," + l + "]");
            List<Long> allowed = new ArrayList<>();
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (int s = 0; s < k.length; s++) {
                if (k[s] <= limit) {
                    allowed.add((long) first[i][l] + s);
                    lo = Math.min(lo, k[s]);
                    hi = Math.max(hi, k[s]);
                }
            }
            if (!allowed.isEmpty()) {
                start[i][l] = model.newIntVarFromDomain(
                        Domain.fromValues(
                                allowed.stream().mapToLong(Long::longValue).toArray()),
                        "start[" + j + "," + l + "]");
                cost[i][l] = model.newIntVar(lo, hi, "cost[" + j + "," + l + "]");
                dearest = Math.max(dearest, hi);
            }
        }
        if (job.droppable()) {
            drop[i] = model.newBoolVar("drop[" + j + "]");
        }
        jobCost[i] = model.newIntVar(
                cheapestI == Long.MAX_VALUE ? 0 : cheapestI, Math.max(dearest, 0), "jobCost[" + j + "]");
    }

    public void constraints() {
        List<Limits.Demand> demands = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            PowerInstance.Job job = inst.jobs[chosen[i]];
            int j = job.index;
            List<Literal> choices = new ArrayList<>();
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                choices.add(present[i][l]);
                if (start[i][l] == null) {
                    // no start of this level fits the window
                    named(model.addEquality(present[i][l], 0), "noRoom[" + j + "," + l + "]");
                    continue;
                }
                // cost[j,l] = K_jl[start[j,l] − a_jl]
                named(
                        model.addElement(
                                LinearExpr.affine(start[i][l], 1, -first[i][l]), costPerStart[i][l], cost[i][l]),
                        "costOfStart[" + j + "," + l + "]");
                // present[j,l] ⇒ jobCost[j] = cost[j,l]
                Constraint c = model.addEquality(jobCost[i], cost[i][l]);
                c.onlyEnforceIf(present[i][l]);
                named(c, "jobCost[" + j + "," + l + "]");
                demands.add(new Limits.Demand(
                        model.newOptionalFixedSizeIntervalVar(
                                start[i][l], level.runSteps, present[i][l], "run[" + j + "," + l + "]"),
                        job,
                        level.drawMw));
            }
            if (drop[i] != null) {
                choices.add(drop[i]);
                // drop[j] ⇒ jobCost[j] = D_j
                Constraint c = model.addEquality(jobCost[i], job.dropPenalty);
                c.onlyEnforceIf(drop[i]);
                named(c, "dropCost[" + j + "]");
            }
            // Σ_l present[j,l] + drop[j] = 1: one level, once, or dropped
            named(model.addExactlyOne(choices), "once[" + j + "]");
        }
        Limits.add(model, inst, free, from, to, demands);
    }

    // minimise Σ_j jobCost[j] (µ$): the cost of the chosen level and start, or the drop penalty
    public void objective() {
        model.minimize(LinearExpr.sum(jobCost));
    }

    /** Suggests the given placements of the chosen jobs (a warm start); each must lie inside the window. */
    public void hint(Placement[] schedule) {
        for (int i = 0; i < chosen.length; i++) {
            PowerInstance.Job job = inst.jobs[chosen[i]];
            Placement p = schedule[job.index];
            if (drop[i] != null) {
                model.addHint(drop[i], p.dropped());
            }
            long total = p.dropped() ? Math.max(0, job.dropPenalty) : 0;
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                if (start[i][l] == null) {
                    model.addHint(present[i][l], false);
                    continue;
                }
                long[] k = costPerStart[i][l];
                int idx = !p.dropped() && p.level() == l ? p.starts()[0] - first[i][l] : -1;
                boolean here = idx >= 0 && idx < k.length;
                model.addHint(present[i][l], here);
                // not chosen: any allowed start; the level's cheapest always is (it is within the slack when any is)
                int s = here ? idx : argMin(k);
                model.addHint(start[i][l], first[i][l] + s);
                model.addHint(cost[i][l], k[s]);
                if (here) {
                    total = k[s];
                }
            }
            model.addHint(jobCost[i], total);
        }
    }

    /** Writes the chosen jobs' placements into {@code schedule}, reading the solution through the two functions. */
    public void extract(Predicate<Literal> isTrue, ToLongFunction<IntVar> value, Placement[] schedule) {
        for (int i = 0; i < chosen.length; i++) {
            PowerInstance.Job job = inst.jobs[chosen[i]];
            Placement p = Placement.DROPPED;
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                if (start[i][l] != null && isTrue.test(present[i][l])) {
                    p = Placement.single(l, (int) value.applyAsLong(start[i][l]), level.runSteps);
                }
            }
            schedule[job.index] = p;
        }
    }

    private static int argMin(long[] k) {
        int best = 0;
        for (int s = 1; s < k.length; s++) {
            if (k[s] < k[best]) {
                best = s;
            }
        }
        return best;
    }

    private static Constraint named(Constraint c, String name) {
        c.getBuilder().setName(name);
        return c;
    }
}
