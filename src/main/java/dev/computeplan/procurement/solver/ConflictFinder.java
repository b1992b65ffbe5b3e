package dev.computeplan.procurement.solver;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import com.google.ortools.util.Domain;
import dev.computeplan.procurement.solver.LinearProgram.Requirement;
import dev.computeplan.procurement.solver.LinearProgram.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a minimal set of requirements that cannot hold together. The same {@link LinearProgram} goes to CP-SAT
 * with one enforcement literal per requirement; those literals are the assumptions, and
 * {@code sufficientAssumptionsForInfeasibility()} names a conflicting subset, which a deletion pass then shrinks
 * until dropping any one requirement makes the rest feasible.
 * CP-SAT needs integers: continuous variables count hundredths, and each row is scaled to integer coefficients
 * (relative rounding below 1e-6), so a conflict within rounding of feasibility may be missed.
 */
public final class ConflictFinder {

    /** Continuous variables are counted in 1/SCALE units. */
    private static final long SCALE = 100;
    /** Bound for integer variables with no finite upper bound: 10 million servers. */
    private static final long BIG_INTEGER = 10_000_000L;
    /** Bound for continuous variables with no finite upper bound: 10 million accelerators, in hundredths. */
    private static final long BIG_CONTINUOUS = 1_000_000_000L;
    /** Largest |coefficient| after scaling a row. */
    private static final double COEF_TARGET = 1e6;

    static {
        Loader.loadNativeLibraries();
    }

    /** The conflict in words, the keys of its requirements (same order), and whether it was proven minimal. */
    public record Conflict(boolean infeasible, List<String> requirements, List<String> keys, String note) {}

    private ConflictFinder() {}

    public static Conflict find(LinearProgram lp, Duration limit) {
        Map<String, Requirement> requirements = new LinkedHashMap<>();
        for (Row row : lp.rows()) {
            if (row.requirement() != null) {
                requirements.putIfAbsent(row.requirement().key(), row.requirement());
            }
        }
        List<String> keys = new ArrayList<>(requirements.keySet());
        long deadline = System.nanoTime() + limit.toNanos();
        List<Integer> core = solve(lp, keys, allIndices(keys.size()), remaining(deadline));
        if (core == null) {
            return new Conflict(
                    false,
                    List.of(),
                    List.of(),
                    "CP-SAT finds the requirements consistent (within rounding) or ran out of time");
        }
        // deletion filter: drop a requirement if the others still conflict
        List<Integer> minimal = new ArrayList<>(core);
        for (int i = 0; i < minimal.size() && System.nanoTime() < deadline; ) {
            List<Integer> without = new ArrayList<>(minimal);
            without.remove(i);
            List<Integer> smaller = without.isEmpty() ? null : solve(lp, keys, without, remaining(deadline));
            if (smaller != null) {
                // the others still conflict: keep CP-SAT's (possibly smaller) core of them and start over
                minimal = new ArrayList<>(smaller);
                i = 0;
            } else {
                i++;
            }
        }
        // a demand's power need is worth saying only beside a power limit it conflicts with
        boolean power = minimal.stream().anyMatch(i -> keys.get(i).startsWith("power:"));
        List<String> words = minimal.stream()
                .map(i -> requirements.get(keys.get(i)))
                .map(r -> power && r.powerDetail() != null ? r.powerDetail() : r.description())
                .toList();
        String note = System.nanoTime() < deadline
                ? "minimal: dropping any one of these makes the rest feasible"
                : "time ran out before the set was proven minimal";
        return new Conflict(true, words, minimal.stream().map(keys::get).toList(), note);
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(50_000_000L, deadline - System.nanoTime()));
    }

    private static List<Integer> allIndices(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * Solves with only the {@code active} requirements assumed (the others are free to be switched off).
     * Returns the indices of a sufficient conflicting subset, or null if feasible or unknown.
     */
    private static List<Integer> solve(LinearProgram lp, List<String> keys, List<Integer> active, Duration limit) {
        CpModel model = new CpModel();
        IntVar[] vars = new IntVar[lp.variables().size()];
        long[] scale = new long[vars.length];
        for (LinearProgram.Variable v : lp.variables()) {
            scale[v.index()] = v.integer() ? 1 : SCALE;
            long lb = (long) Math.ceil(v.lb() * scale[v.index()] - 1e-9);
            long ub = Double.isFinite(v.ub())
                    ? (long) Math.floor(v.ub() * scale[v.index()] + 1e-9)
                    : v.integer() ? BIG_INTEGER : BIG_CONTINUOUS;
            vars[v.index()] = model.newIntVar(lb, Math.max(lb, ub), v.name());
        }
        Map<String, BoolVar> literals = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            literals.put(keys.get(i), model.newBoolVar("enforce[" + keys.get(i) + "]"));
        }
        for (Row row : lp.rows()) {
            addRow(
                    model,
                    row,
                    vars,
                    scale,
                    row.requirement() == null
                            ? null
                            : literals.get(row.requirement().key()));
        }
        Literal[] assumptions =
                active.stream().map(i -> literals.get(keys.get(i))).toArray(Literal[]::new);
        model.addAssumptions(assumptions);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.05, limit.toMillis() / 1000.0));
        solver.getParameters().setNumWorkers(1);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.INFEASIBLE) {
            return null;
        }
        // the solver reports the indices of the assumption literals' variables
        Map<Integer, Integer> byVarIndex = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byVarIndex.put(literals.get(keys.get(i)).getIndex(), i);
        }
        List<Integer> core = new ArrayList<>();
        for (int index : solver.sufficientAssumptionsForInfeasibility()) {
            Integer i = byVarIndex.get(index);
            if (i != null) {
                core.add(i);
            }
        }
        return core.isEmpty() ? new ArrayList<>(active) : core;
    }

    /** Adds lb <= sum c x <= ub with x in CP-SAT units, scaled to integers; enforced by the literal if given. */
    private static void addRow(CpModel model, Row row, IntVar[] vars, long[] scale, BoolVar enforce) {
        int n = row.vars().length;
        double[] c = new double[n];
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            c[i] = row.coefs()[i] / scale[row.vars()[i]];
            maxAbs = Math.max(maxAbs, Math.abs(c[i]));
        }
        double factor = maxAbs == 0 ? 1 : COEF_TARGET / maxAbs;
        // keep exact small-integer rows exact (fleet balances, unit coefficients)
        boolean integral = true;
        for (int i = 0; i < n && integral; i++) {
            integral = Math.abs(c[i] - Math.rint(c[i])) < 1e-12 && Math.abs(c[i]) < 1e6;
        }
        boolean boundsIntegral = (!Double.isFinite(row.lb()) || Math.abs(row.lb() - Math.rint(row.lb())) < 1e-12)
                && (!Double.isFinite(row.ub()) || Math.abs(row.ub() - Math.rint(row.ub())) < 1e-12);
        if (integral && boundsIntegral) {
            factor = 1;
        }
        IntVar[] xs = new IntVar[n];
        long[] coefs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = vars[row.vars()[i]];
            coefs[i] = Math.round(c[i] * factor);
        }
        long lb = Double.isFinite(row.lb()) ? (long) Math.ceil(row.lb() * factor - 1e-6) : Long.MIN_VALUE;
        long ub = Double.isFinite(row.ub()) ? (long) Math.floor(row.ub() * factor + 1e-6) : Long.MAX_VALUE;
        LinearExpr expr = LinearExpr.weightedSum(xs, coefs);
        var constraint = model.addLinearExpressionInDomain(expr, new Domain(lb, ub));
        if (enforce != null) {
            constraint.onlyEnforceIf(enforce);
        }
    }
}
