package dev.computeplan.procurement.solver;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands a {@link LinearProgram} to an MPSolver back end: SCIP for the MIP, GLOP for LPs and their duals. The gap,
 * extra SCIP parameters and logging come from the settings.
 */
public final class MipRunner {

    private final ProcurementSolverSettings settings;

    public enum Status {
        OPTIMAL,
        FEASIBLE,
        INFEASIBLE,
        NOT_SOLVED
    }

    /** Values per variable, duals per row (LP only), objective and best bound. */
    public record Result(Status status, double[] values, double[] duals, double objective, double bound, long millis) {
        public boolean hasSolution() {
            return status == Status.OPTIMAL || status == Status.FEASIBLE;
        }

        public double gap() {
            if (!hasSolution()) {
                return Double.NaN;
            }
            return Math.abs(objective - bound) / Math.max(1e-9, Math.abs(objective));
        }
    }

    static {
        Loader.loadNativeLibraries();
    }

    public MipRunner(ProcurementSolverSettings settings) {
        this.settings = settings;
    }

    /** The relative gap every MIP solve stops at: savings smaller than that share of the objective are noise. */
    public double relativeGap() {
        return settings.relativeGap();
    }

    /** Solves the MIP with SCIP; the hint (variable index, value) seeds the search; onStop receives the interrupt. */
    public Result mip(LinearProgram lp, Duration limit, List<double[]> hint, Consumer<Runnable> onStop) {
        return run(lp, "SCIP", limit, null, hint, onStop);
    }

    /**
     * Solves the LP with GLOP: integrality dropped and, if {@code fixed} is given, every variable with
     * {@code mask[i]} held at {@code fixed[i]}. Duals are read for every row.
     */
    public Result lp(LinearProgram lp, Duration limit, double[] fixed, boolean[] mask) {
        double[] fix = null;
        if (fixed != null) {
            fix = new double[fixed.length];
            for (int i = 0; i < fixed.length; i++) {
                fix[i] = mask[i] ? Math.round(fixed[i]) : Double.NaN;
            }
        }
        return run(lp, "GLOP", limit, fix, List.of(), r -> {});
    }

    /** An MPSolver with the program loaded: integrality dropped if {@code relax}, variables held at {@code fix[i]} unless NaN. */
    record Loaded(MPSolver solver, MPVariable[] vars, MPConstraint[] cons) {}

    static Loaded load(LinearProgram lp, String id, boolean relax, double[] fix) {
        MPSolver solver = MPSolver.createSolver(id);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools solver " + id + " is not available");
        }
        MPVariable[] vars = new MPVariable[lp.variables().size()];
        for (LinearProgram.Variable v : lp.variables()) {
            double lb = v.lb();
            double ub = v.ub();
            if (fix != null && !Double.isNaN(fix[v.index()])) {
                lb = fix[v.index()];
                ub = fix[v.index()];
            }
            vars[v.index()] = solver.makeVar(lb, ub, v.integer() && !relax, v.name());
        }
        MPConstraint[] cons = new MPConstraint[lp.rows().size()];
        for (LinearProgram.Row row : lp.rows()) {
            MPConstraint c = solver.makeConstraint(row.lb(), row.ub(), row.name());
            for (int i = 0; i < row.vars().length; i++) {
                c.setCoefficient(vars[row.vars()[i]], row.coefs()[i]);
            }
            cons[row.index()] = c;
        }
        for (LinearProgram.Variable v : lp.variables()) {
            double coef = lp.objective(v.index());
            if (coef != 0) {
                solver.objective().setCoefficient(vars[v.index()], coef);
            }
        }
        solver.objective().setMinimization();
        return new Loaded(solver, vars, cons);
    }

    private Result run(
            LinearProgram lp, String id, Duration limit, double[] fix, List<double[]> hint, Consumer<Runnable> onStop) {
        boolean relax = !"SCIP".equals(id);
        // loading a large program into the back end takes a noticeable share of the limit: it counts
        long deadline = System.nanoTime() + limit.toNanos();
        Loaded loaded = load(lp, id, relax, fix);
        MPSolver solver = loaded.solver();
        boolean[] alive = {true};
        try {
            configure(loaded, relax, Duration.ofNanos(deadline - System.nanoTime()), hint);
            // the stop hook may fire after this solve is over: it must never touch a deleted solver
            boolean[] interrupted = {false};
            onStop.accept(() -> {
                synchronized (alive) {
                    interrupted[0] = true;
                    if (alive[0]) {
                        solver.interruptSolve();
                    }
                }
            });
            if (interrupted[0]) {
                // stopped before the solve began: an interrupt sent now would be ignored by the solver
                return new Result(Status.NOT_SOLVED, null, null, Double.NaN, Double.NaN, 0);
            }
            MPSolverParameters params = new MPSolverParameters();
            if (!relax) {
                params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, settings.relativeGap());
            }
            long start = System.nanoTime();
            MPSolver.ResultStatus status = solver.solve(params);
            return result(loaded, relax, status, (System.nanoTime() - start) / 1_000_000);
        } finally {
            synchronized (alive) {
                alive[0] = false;
                solver.delete();
            }
        }
    }

    /** Hint, time limit, extra SCIP parameters and logging. */
    private void configure(Loaded loaded, boolean relax, Duration limit, List<double[]> hint) {
        MPSolver solver = loaded.solver();
        if (!hint.isEmpty()) {
            MPVariable[] hv = new MPVariable[hint.size()];
            double[] values = new double[hint.size()];
            for (int i = 0; i < hint.size(); i++) {
                hv[i] = loaded.vars()[(int) hint.get(i)[0]];
                values[i] = hint.get(i)[1];
            }
            solver.setHint(hv, values);
        }
        solver.setTimeLimit(Math.max(1, limit.toMillis()));
        String scipParams = settings.scipParams();
        if (!relax && !scipParams.isEmpty()) {
            if (!solver.setSolverSpecificParametersAsString(scipParams.replace(';', '\n'))) {
                throw new IllegalArgumentException("SCIP rejected the parameters " + scipParams);
            }
        }
        if (settings.solverLog()) {
            solver.enableOutput();
        }
    }

    /** Values, duals (LP only), objective and bound of a finished solve. */
    private static Result result(Loaded loaded, boolean relax, MPSolver.ResultStatus status, long millis) {
        Status mapped = switch (status) {
            case OPTIMAL -> Status.OPTIMAL;
            case FEASIBLE -> Status.FEASIBLE;
            case INFEASIBLE -> Status.INFEASIBLE;
            default -> Status.NOT_SOLVED;
        };
        if (mapped != Status.OPTIMAL && mapped != Status.FEASIBLE) {
            return new Result(mapped, null, null, Double.NaN, Double.NaN, millis);
        }
        MPVariable[] vars = loaded.vars();
        MPConstraint[] cons = loaded.cons();
        double[] values = new double[vars.length];
        for (int i = 0; i < vars.length; i++) {
            values[i] = vars[i].solutionValue();
        }
        double[] duals = new double[cons.length];
        if (relax) {
            for (int i = 0; i < cons.length; i++) {
                duals[i] = cons[i].dualValue();
            }
        }
        double objective = loaded.solver().objective().value();
        double bound = relax ? objective : loaded.solver().objective().bestBound();
        return new Result(mapped, values, duals, objective, bound, millis);
    }
}
