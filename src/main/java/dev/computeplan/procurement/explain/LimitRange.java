package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.solver.LinearProgram;
import dev.computeplan.procurement.solver.MipRunner;
import java.time.Duration;
import java.util.List;

/**
 * What raising one site or supply limit is worth, by parametric re-solve of the MIP from the plan (still feasible with
 * a higher limit): the saving of one more unit, the whole saving (limit lifted), and the smallest increment that
 * captures the whole saving, found by bisection. Within that increment the limit is worth on average whole saving /
 * increment per unit; beyond it, nothing more.
 */
final class LimitRange {

    /** Bisection steps on the increment once the whole saving is known. */
    private static final int BISECTIONS = 6;

    /**
     * @param oneUnit             saving of one more unit (USD), null if not solved
     * @param whole               saving with the limit lifted (USD), null if not solved
     * @param increment           smallest increment found that captures the whole saving, in row units (not unit-scaled)
     * @param exact               every re-solve used was proven within the solver's gap
     */
    record Value(Double oneUnit, Double whole, Double increment, boolean exact) {}

    private final MipRunner runner;
    private final Duration perSolve;
    private final long deadline;

    LimitRange(MipRunner runner, Duration perSolve, long deadline) {
        this.runner = runner;
        this.perSolve = perSolve;
        this.deadline = deadline;
    }

    Value of(LinearProgram lp, LinearProgram.Row row, double objective, List<double[]> hint) {
        MipRunner.Result one = solve(lp, row, row.unitScale(), hint);
        if (one == null) {
            return new Value(null, null, null, false);
        }
        double oneSaving = Math.max(0, objective - one.objective());
        boolean exact = one.status() == MipRunner.Status.OPTIMAL;
        MipRunner.Result lifted = solve(lp, row, Double.POSITIVE_INFINITY, hint);
        if (lifted == null) {
            return new Value(oneSaving, null, null, false);
        }
        exact &= lifted.status() == MipRunner.Status.OPTIMAL;
        double whole = Math.max(oneSaving, objective - lifted.objective());
        double tolerance = savingTolerance(objective);
        if (whole <= tolerance) {
            return new Value(oneSaving, whole, 0.0, exact);
        }
        // the lifted plan's own use of the limit captures the whole saving; bisect below it
        double hi = Math.max(0, rowActivity(row, lifted.values()) - row.ub());
        if (oneSaving >= whole - tolerance) {
            hi = Math.min(hi, row.unitScale());
        }
        double lo = 0;
        for (int i = 0; i < BISECTIONS && System.nanoTime() < deadline; i++) {
            double mid = (lo + hi) / 2;
            MipRunner.Result r = solve(lp, row, mid, hint);
            if (r == null) {
                break;
            }
            if (objective - r.objective() >= whole - tolerance) {
                hi = mid;
                exact &= r.status() == MipRunner.Status.OPTIMAL;
            } else {
                lo = mid;
            }
        }
        return new Value(oneSaving, whole, hi, exact);
    }

    /** Savings below the solver's gap are within its tolerance, not effects. */
    private double savingTolerance(double objective) {
        return Math.max(0.01, runner.relativeGap() * Math.abs(objective));
    }

    private MipRunner.Result solve(LinearProgram lp, LinearProgram.Row row, double raise, List<double[]> hint) {
        if (System.nanoTime() >= deadline) {
            return null;
        }
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        MipRunner.Result r = runner.mip(
                Programs.withUpperBound(lp, row, row.ub() + raise),
                left.compareTo(perSolve) < 0 ? left : perSolve,
                hint,
                x -> {});
        return r.hasSolution() ? r : null;
    }

    static double rowActivity(LinearProgram.Row row, double[] x) {
        double activity = 0;
        for (int i = 0; i < row.vars().length; i++) {
            activity += row.coefs()[i] * x[row.vars()[i]];
        }
        return activity;
    }
}
