package dev.computeplan.procurement.solver;

import com.google.ortools.linearsolver.MPSolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete first plan for SCIP when there is no previous one: the LP relaxation (GLOP), its purchases rounded to
 * whole servers ({@link ProcurementModel#rounded}) at a few thresholds, and for each the continuous part (busy
 * accelerators, assignments, cloud) re-optimised by GLOP with those integers fixed; the cheapest feasible one wins.
 *
 * <p>Why: SCIP's own heuristics find a plan this good only after several seconds (RENS, measured in
 * benchmarks/RESULTS.md), and reduced-cost fixing, which shrinks the model, needs one. Given as a complete
 * solution (every variable), SCIP checks it at once instead of completing it with a sub-MIP.
 */
final class WarmStart {

    /** Round a running total up when its fractional part exceeds this; several are tried, the cheapest plan kept. */
    private static final double[] THRESHOLDS = {0.5, 0.25, 0.75, 0.1};

    private WarmStart() {
    }

    /** (variable index, value) for every variable, or an empty list when no rounding was feasible within the limit. */
    static List<double[]> fromRelaxation(ProcurementModel model, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        LinearProgram lp = model.program();
        MipRunner.Loaded glop = MipRunner.load(lp, "GLOP", true, null);
        try {
            MPSolver solver = glop.solver();
            if (!solveWithin(solver, deadline)) {
                return List.of();
            }
            double[] relaxed = values(glop);
            double[] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (double threshold : THRESHOLDS) {
                double[] x = model.rounded(relaxed, threshold);
                for (LinearProgram.Variable v : lp.variables()) {
                    if (v.integer()) {
                        glop.vars()[v.index()].setBounds(x[v.index()], x[v.index()]);
                    }
                }
                // GLOP starts from the previous basis: only bounds changed
                if (solveWithin(solver, deadline) && solver.objective().value() < bestCost) {
                    bestCost = solver.objective().value();
                    best = values(glop);
                }
            }
            List<double[]> hint = new ArrayList<>();
            if (best != null) {
                for (LinearProgram.Variable v : lp.variables()) {
                    double value = v.integer() ? Math.round(best[v.index()]) : Math.max(v.lb(), best[v.index()]);
                    hint.add(new double[] {v.index(), value});
                }
            }
            return hint;
        } finally {
            glop.solver().delete();
        }
    }

    private static boolean solveWithin(MPSolver solver, long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return false;
        }
        solver.setTimeLimit(left);
        return solver.solve() == MPSolver.ResultStatus.OPTIMAL;
    }

    private static double[] values(MipRunner.Loaded loaded) {
        double[] x = new double[loaded.vars().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = loaded.vars()[i].solutionValue();
        }
        return x;
    }
}
