package dev.computeplan.power.solver;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;

/**
 * The final step of an interruptible job in the time-indexed model, which is charged only for the part of it the job
 * runs (f_l of the step at level l):
 *
 * <pre>
 *   fin[j,l,t] ∈ {0,1}: t is the job's final step, at level l;   Σ_t fin[j,l,t] = y[j,l];   fin[j,l,t] ≤ z[j,l,t]
 *   done[j,t] = done[j,t−1] + Σ_l fin[j,l,t] (done[j,−1] = 0);     run[j,t] ≤ 1 − done[j,t−1]   (nothing after it)
 *   objective += Σ fin[j,l,t]·(lastStepCost_l(t) − stepCost_l(t))                               (≤ 0)
 * </pre>
 */
final class FinalStep {

    private FinalStep() {}

    /** Number of 0/1 variables this adds for one job. */
    static long size(PowerInstance.Job job) {
        return (long) (job.latestEnd - job.release) * (job.levels.length + 1);
    }

    /** Adds the final-step variables and constraints of job j; its credit goes into {@code obj}. */
    static void add(CpModel model, PowerInstance.Job job, BoolVar[][] z, BoolVar[] y, LinearExprBuilder obj) {
        int j = job.index;
        int window = job.latestEnd - job.release;
        BoolVar[] done = new BoolVar[window];
        LinearExprBuilder[] finAt = new LinearExprBuilder[window];
        for (int t = 0; t < window; t++) {
            done[t] = model.newBoolVar("done[" + j + "," + (job.release + t) + "]");
            finAt[t] = LinearExpr.newBuilder();
        }
        for (PowerInstance.Level level : job.levels) {
            int l = level.index;
            BoolVar[] fin = new BoolVar[window];
            for (int t = 0; t < window; t++) {
                int step = job.release + t;
                fin[t] = model.newBoolVar("fin[" + j + "," + l + "," + step + "]");
                model.addImplication(fin[t], z[l][t]);
                finAt[t].add(fin[t]);
                obj.addTerm(fin[t], level.lastStepCost(step) - level.stepCost(step));
            }
            model.addEquality(LinearExpr.sum(fin), y[l]);
        }
        for (int t = 0; t < window; t++) {
            LinearExprBuilder rise = LinearExpr.newBuilder().add(done[t]);
            if (t > 0) {
                rise.addTerm(done[t - 1], -1);
                // run[j,t] + done[j,t−1] ≤ 1
                LinearExprBuilder after = LinearExpr.newBuilder().add(done[t - 1]);
                for (BoolVar[] level : z) {
                    after.add(level[t]);
                }
                model.addLessOrEqual(after, 1);
            }
            model.addEquality(rise, finAt[t]);
        }
    }
}
