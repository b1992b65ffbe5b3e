package dev.computeplan.power.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.Constraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The exact CP-SAT model, time-indexed, in integer units (steps, mW, µ$).
 *
 * <pre>
 * Non-interruptible job j, level l (n_jl steps, draw P_jl), start s ∈ [r_j, E_j − n_jl]:
 *   x[j,l,s] ∈ {0,1}; optional interval run[j,l] = [start[j,l], start[j,l] + n_jl), present iff Σ_s x[j,l,s] = 1
 * Interruptible job j: y[j,l] (level chosen), z[j,l,t] (runs step t at level l), st[j,t] (a run starts at t),
 *   late[j] (steps after the deadline) — each z[j,l,t] is a unit optional interval [t, t+1)
 * drop[j] ∈ {0,1} only for jobs that may be dropped; E_j = deadline, or horizon end if the job may be late.
 * </pre>
 */
public final class PowerModel {

    private final PowerInstance inst;
    private final CpModel model = new CpModel();
    /** x[j][l][s − firstStart]; null for interruptible jobs. */
    private final BoolVar[][][] x;

    private final int[][] firstStart;
    private final BoolVar[][] present;
    private final IntVar[][] start;
    /** z[j][l][t − release]; null for non-interruptible jobs. */
    private final BoolVar[][][] z;

    private final BoolVar[][] y;
    private final BoolVar[][] st;
    private final IntVar[] late;
    private final BoolVar[] drop;
    private final List<Literal> optionalRuns = new ArrayList<>();

    public PowerModel(PowerInstance inst) {
        this.inst = inst;
        int jobs = inst.jobs.length;
        x = new BoolVar[jobs][][];
        firstStart = new int[jobs][];
        present = new BoolVar[jobs][];
        start = new IntVar[jobs][];
        z = new BoolVar[jobs][][];
        y = new BoolVar[jobs][];
        st = new BoolVar[jobs][];
        late = new IntVar[jobs];
        drop = new BoolVar[jobs];
    }

    /** Number of 0/1 variables the model would have: the size test for choosing it. */
    public static long size(PowerInstance inst) {
        long count = 0;
        for (PowerInstance.Job job : inst.jobs) {
            for (PowerInstance.Level level : job.levels) {
                count += job.interruptible
                        ? job.latestEnd - job.release
                        : Math.max(0, job.latestEnd - level.runSteps - job.release + 1);
            }
            if (job.interruptible) {
                count += job.latestEnd - job.release + FinalStep.size(job);
            }
        }
        return count;
    }

    public PowerModel build() {
        variables();
        constraints();
        objective();
        return this;
    }

    public CpModel model() {
        return model;
    }

    public void variables() {
        for (PowerInstance.Job job : inst.jobs) {
            int j = job.index;
            int levels = job.levels.length;
            if (job.droppable()) {
                drop[j] = model.newBoolVar("drop[" + j + "]");
            }
            if (!job.interruptible) {
                x[j] = new BoolVar[levels][];
                firstStart[j] = new int[levels];
                present[j] = new BoolVar[levels];
                start[j] = new IntVar[levels];
                for (PowerInstance.Level level : job.levels) {
                    int l = level.index;
                    int lastStart = job.latestEnd - level.runSteps;
                    int count = Math.max(0, lastStart - job.release + 1);
                    firstStart[j][l] = job.release;
                    x[j][l] = new BoolVar[count];
                    for (int s = 0; s < count; s++) {
                        x[j][l][s] = model.newBoolVar("x[" + j + "," + l + "," + (job.release + s) + "]");
                    }
                    present[j][l] = model.newBoolVar("present[" + j + "," + l + "]");
                    start[j][l] = model.newIntVar(
                            job.release, Math.max(job.release, lastStart), "start[" + j + "," + l + "]");
                }
            } else {
                int window = job.latestEnd - job.release;
                z[j] = new BoolVar[levels][window];
                y[j] = new BoolVar[levels];
                for (PowerInstance.Level level : job.levels) {
                    int l = level.index;
                    y[j][l] = model.newBoolVar("y[" + j + "," + l + "]");
                    for (int t = 0; t < window; t++) {
                        z[j][l][t] = model.newBoolVar("z[" + j + "," + l + "," + (job.release + t) + "]");
                    }
                }
                st[j] = new BoolVar[window];
                for (int t = 0; t < window; t++) {
                    st[j][t] = model.newBoolVar("st[" + j + "," + (job.release + t) + "]");
                }
                late[j] = model.newIntVar(0, Math.max(0, job.latestEnd - job.deadline), "late[" + j + "]");
            }
        }
    }

    public void constraints() {
        List<Limits.Demand> demands = new ArrayList<>();
        for (PowerInstance.Job job : inst.jobs) {
            if (job.interruptible) {
                interruptibleConstraints(job, demands);
            } else {
                contiguousConstraints(job, demands);
            }
        }
        Limits.add(model, inst, Capacity.of(inst), 0, inst.steps, demands);
    }

    private void contiguousConstraints(PowerInstance.Job job, List<Limits.Demand> demands) {
        int j = job.index;
        List<Literal> choices = new ArrayList<>();
        for (PowerInstance.Level level : job.levels) {
            int l = level.index;
            // present[j,l] = Σ_s x[j,l,s]
            named(model.addEquality(LinearExpr.sum(x[j][l]), present[j][l]), "present[" + j + "," + l + "]");
            // start[j,l] = Σ_s s·x[j,l,s] + r_j·(1 − present[j,l])
            LinearExprBuilder startExpr = LinearExpr.newBuilder();
            for (int s = 0; s < x[j][l].length; s++) {
                startExpr.addTerm(x[j][l][s], firstStart[j][l] + s);
            }
            startExpr.addTerm(present[j][l], -job.release).add(job.release);
            named(model.addEquality(start[j][l], startExpr), "startDef[" + j + "," + l + "]");
            if (x[j][l].length == 0) {
                named(model.addEquality(present[j][l], 0), "noRoom[" + j + "," + l + "]");
            } else {
                demands.add(new Limits.Demand(
                        model.newOptionalFixedSizeIntervalVar(
                                start[j][l], level.runSteps, present[j][l], "run[" + j + "," + l + "]"),
                        job,
                        level.drawMw));
            }
            choices.add(present[j][l]);
        }
        // Σ_l present[j,l] + drop[j] = 1: one level, once, or dropped
        if (drop[j] != null) {
            choices.add(drop[j]);
        }
        named(model.addExactlyOne(choices), "once[" + j + "]");
    }

    private void interruptibleConstraints(PowerInstance.Job job, List<Limits.Demand> demands) {
        int j = job.index;
        int window = job.latestEnd - job.release;
        List<Literal> choices = new ArrayList<>();
        for (PowerInstance.Level level : job.levels) {
            int l = level.index;
            choices.add(y[j][l]);
            for (int t = 0; t < window; t++) {
                // z[j,l,t] ≤ y[j,l]: run only at the chosen level
                named(
                        model.addImplication(z[j][l][t], y[j][l]),
                        "atLevel[" + j + "," + l + "," + (job.release + t) + "]");
                demands.add(new Limits.Demand(
                        model.newOptionalFixedInterval(
                                job.release + t, 1, z[j][l][t], "seg[" + j + "," + l + "," + (job.release + t) + "]"),
                        job,
                        level.drawMw));
            }
        }
        if (drop[j] != null) {
            choices.add(drop[j]);
        }
        // Σ_l y[j,l] + drop[j] = 1
        named(model.addExactlyOne(choices), "once[" + j + "]");
        for (int t = 0; t < window; t++) {
            // st[j,t] ≥ run[j,t] − run[j,t−1], with run[j,t] = Σ_l z[j,l,t]
            LinearExprBuilder rise = LinearExpr.newBuilder().add(runAt(j, t));
            if (t > 0) {
                rise.addTerm(runAt(j, t - 1), -1);
            }
            named(model.addGreaterOrEqual(st[j][t], rise), "start[" + j + "," + (job.release + t) + "]");
            // a run lasts at least m steps: run[j,t+k] ≥ st[j,t] for 0 < k < m (no start in the last m−1 steps)
            for (int k = 1; k < job.minRun; k++) {
                if (t + k >= window) {
                    named(model.addEquality(st[j][t], 0), "tooLateToStart[" + j + "," + (job.release + t) + "]");
                    break;
                }
                named(
                        model.addGreaterOrEqual(runAt(j, t + k), st[j][t]),
                        "minRun[" + j + "," + (job.release + t) + "," + k + "]");
            }
            // late[j] ≥ (t + 1 − d_j)·run[j,t] for steps after the deadline
            int step = job.release + t;
            if (step >= job.deadline) {
                named(
                        model.addGreaterOrEqual(
                                late[j], LinearExpr.newBuilder().addTerm(runAt(j, t), step + 1L - job.deadline)),
                        "late[" + j + "," + step + "]");
            }
        }
        // work: Σ_t run[j,t] ≥ Σ_l n_jl·y[j,l] + ov_j·(Σ_t st[j,t] − (1 − drop[j]))
        LinearExprBuilder work = LinearExpr.newBuilder();
        for (int t = 0; t < window; t++) {
            work.add(runAt(j, t));
            work.addTerm(st[j][t], -job.overhead);
        }
        for (PowerInstance.Level level : job.levels) {
            work.addTerm(y[j][level.index], -level.runSteps);
        }
        if (drop[j] != null) {
            work.addTerm(drop[j], -job.overhead);
        }
        named(model.addGreaterOrEqual(work, -job.overhead), "work[" + j + "]");
    }

    private LinearExpr runAt(int j, int t) {
        LinearExprBuilder run = LinearExpr.newBuilder();
        for (BoolVar[] level : z[j]) {
            run.add(level[t]);
        }
        return run.build();
    }

    // minimise Σ x·(energy + CO2 cost of that run + late penalty) + Σ z·(step cost) − Σ fin·(unrun part of the final
    // step) + Σ late·penalty + Σ drop·penalty (µ$)
    public void objective() {
        LinearExprBuilder obj = LinearExpr.newBuilder();
        double[] prefix = inst.prefix();
        for (PowerInstance.Job job : inst.jobs) {
            int j = job.index;
            if (drop[j] != null) {
                obj.addTerm(drop[j], job.dropPenalty);
            }
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                if (!job.interruptible) {
                    for (int s = 0; s < x[j][l].length; s++) {
                        int from = firstStart[j][l] + s;
                        obj.addTerm(
                                x[j][l][s],
                                level.runCost(prefix, from, level.runSteps) + job.lateCost(from + level.runSteps));
                    }
                } else {
                    for (int t = 0; t < z[j][l].length; t++) {
                        obj.addTerm(z[j][l][t], level.stepCost(job.release + t));
                    }
                }
            }
            if (job.interruptible) {
                obj.addTerm(late[j], job.latePenaltyPerStep);
                FinalStep.add(model, job, z[j], y[j], obj);
            }
        }
        model.minimize(obj);
    }

    /** Suggests a schedule to start from (a warm start). */
    public void hint(Placement[] schedule) {
        for (PowerInstance.Job job : inst.jobs) {
            int j = job.index;
            Placement p = schedule[j];
            if (drop[j] != null) {
                model.addHint(drop[j], p.dropped());
            }
            if (!job.interruptible) {
                for (PowerInstance.Level level : job.levels) {
                    int l = level.index;
                    int chosen = !p.dropped() && p.level() == l ? p.starts()[0] - firstStart[j][l] : -1;
                    for (int s = 0; s < x[j][l].length; s++) {
                        model.addHint(x[j][l][s], s == chosen);
                    }
                    model.addHint(present[j][l], chosen >= 0 && chosen < x[j][l].length);
                    model.addHint(start[j][l], chosen >= 0 ? p.starts()[0] : job.release);
                }
            } else {
                boolean[] runs = new boolean[job.latestEnd - job.release];
                for (int r = 0; !p.dropped() && r < p.starts().length; r++) {
                    for (int t = p.starts()[r]; t < p.starts()[r] + p.lengths()[r]; t++) {
                        if (t >= job.release && t < job.latestEnd) {
                            runs[t - job.release] = true;
                        }
                    }
                }
                for (PowerInstance.Level level : job.levels) {
                    int l = level.index;
                    model.addHint(y[j][l], p.level() == l);
                    for (int t = 0; t < runs.length; t++) {
                        model.addHint(z[j][l][t], p.level() == l && runs[t]);
                    }
                }
                for (int t = 0; t < runs.length; t++) {
                    model.addHint(st[j][t], runs[t] && (t == 0 || !runs[t - 1]));
                }
                model.addHint(late[j], p.dropped() ? 0 : Math.max(0, p.end() - job.deadline));
            }
        }
    }

    /** Reads the schedule from a solution: {@code isTrue} answers for the model's literals. */
    public Placement[] extract(Predicate<Literal> isTrue) {
        Placement[] out = new Placement[inst.jobs.length];
        for (PowerInstance.Job job : inst.jobs) {
            int j = job.index;
            out[j] = Placement.DROPPED;
            if (drop[j] != null && isTrue.test(drop[j])) {
                continue;
            }
            for (PowerInstance.Level level : job.levels) {
                int l = level.index;
                if (!job.interruptible) {
                    for (int s = 0; s < x[j][l].length; s++) {
                        if (isTrue.test(x[j][l][s])) {
                            out[j] = Placement.single(l, firstStart[j][l] + s, level.runSteps);
                        }
                    }
                } else if (isTrue.test(y[j][l])) {
                    List<Integer> steps = new ArrayList<>();
                    for (int t = 0; t < z[j][l].length; t++) {
                        if (isTrue.test(z[j][l][t])) {
                            steps.add(job.release + t);
                        }
                    }
                    out[j] = Placement.ofSteps(
                            l, steps.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        return out;
    }

    private static Constraint named(Constraint c, String name) {
        c.getBuilder().setName(name);
        return c;
    }
}
