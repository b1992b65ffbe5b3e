package dev.computeplan.procurement.solver;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete first plan for SCIP when there is no previous one: the LP relaxation (GLOP), its purchases rounded to
 * whole servers ({@link ProcurementModel#rounded}) at a few thresholds, and for each the continuous part (busy
 * accelerators, assignments, cloud) re-optimised by GLOP with those integers fixed; the cheapest feasible one wins.
 *
 * <p>Why: SCIP's own heuristics find a plan this good only late, and reduced-cost fixing, which shrinks the model,
 * needs one. Given as a complete solution (every variable), SCIP checks it at once instead of completing it.
 */
final class WarmStart {

    /** Round a running total up when its fractional part exceeds this; several are tried, the cheapest plan kept. */
    private static final double[] THRESHOLDS = {0.5, 0.25, 0.75, 0.1};

    /** The restricted MIP stops within this relative gap of its own optimum. */
    private static final double NEIGHBOURHOOD_GAP = 3e-4;

    private WarmStart() {}

    /**
     * The first plan as (variable index, value) for every variable (empty when no rounding was feasible within the
     * limit), and the duals of the relaxation's rows (null when it was not solved).
     */
    record Start(List<double[]> hint, double[] duals) {}

    static Start fromRelaxation(ProcurementModel model, Duration limit, boolean solverLog) {
        return fromRelaxation(model, limit, solverLog, true);
    }

    /**
     * As above; without {@code roundings} only the relaxation's duals (for the cover rows): a resumed solve has its
     * first plan already and keeps the time the roundings and the neighbourhood search would take.
     */
    static Start fromRelaxation(ProcurementModel model, Duration limit, boolean solverLog, boolean roundings) {
        long deadline = System.nanoTime() + limit.toNanos();
        LinearProgram lp = model.program();
        MipRunner.Loaded glop = MipRunner.load(lp, "GLOP", true, null);
        try {
            MPSolver solver = glop.solver();
            if (!solveWithin(solver, deadline)) {
                return new Start(List.of(), null);
            }
            double[] relaxed = values(glop);
            double[] duals = new double[glop.cons().length];
            for (int i = 0; i < duals.length; i++) {
                duals[i] = glop.cons()[i].dualValue();
            }
            if (!roundings) {
                return new Start(List.of(), duals);
            }
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
            List<double[]> hint = complete(lp, best);
            double[] improved = neighbourhood(lp, relaxed, model.keptMask(), hint, deadline, solverLog);
            return new Start(improved != null ? complete(lp, improved) : hint, duals);
        } finally {
            glop.solver().delete();
        }
    }

    /**
     * The MIP restricted to the neighbourhood of the relaxation (RENS): every purchase and lease kept between the floor
     * and the ceiling of its relaxed value (so one the relaxation leaves at 0 stays 0), solved by SCIP from the rounded
     * plan for what is left of the limit. Small, because the relaxation uses few SKU/site pools; null if no better plan.
     */
    private static double[] neighbourhood(
            LinearProgram lp, double[] relaxed, boolean[] free, List<double[]> hint, long deadline, boolean solverLog) {
        if (hint.isEmpty() || deadline - System.nanoTime() < 100_000_000L) {
            return null;
        }
        MipRunner.Loaded scip = MipRunner.load(lp, "SCIP", false, null);
        try {
            for (LinearProgram.Variable v : lp.variables()) {
                // kept existing servers stay free: the relaxation often retires a group that is worth keeping a while
                if (v.integer() && !free[v.index()]) {
                    double x = relaxed[v.index()];
                    scip.vars()[v.index()].setBounds(
                            Math.max(v.lb(), Math.floor(x + 1e-6)), Math.min(v.ub(), Math.ceil(x - 1e-6)));
                }
            }
            var hv = new com.google.ortools.linearsolver.MPVariable[hint.size()];
            double[] values = new double[hint.size()];
            for (int i = 0; i < hint.size(); i++) {
                hv[i] = scip.vars()[(int) hint.get(i)[0]];
                values[i] = hint.get(i)[1];
            }
            scip.solver().setHint(hv, values);
            if (solverLog) {
                scip.solver().enableOutput();
            }
            scip.solver().setTimeLimit(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, NEIGHBOURHOOD_GAP);
            MPSolver.ResultStatus status = scip.solver().solve(params);
            return status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE
                    ? values(scip)
                    : null;
        } finally {
            scip.solver().delete();
        }
    }

    private static List<double[]> complete(LinearProgram lp, double[] x) {
        List<double[]> hint = new ArrayList<>();
        if (x != null) {
            for (LinearProgram.Variable v : lp.variables()) {
                double value = v.integer() ? Math.round(x[v.index()]) : Math.max(v.lb(), x[v.index()]);
                hint.add(new double[] {v.index(), value});
            }
        }
        return hint;
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
