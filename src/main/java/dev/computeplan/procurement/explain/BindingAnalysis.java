package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.explain.Explanation.Binding;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.solver.LinearProgram;
import dev.computeplan.procurement.solver.MipRunner;
import dev.computeplan.procurement.solver.ProcurementModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which constraints of a plan bind, and what one more unit of each is worth. */
final class BindingAnalysis {

    /** Binding resource rows re-solved as a MIP with one more unit (the rest get only their LP dual). */
    private static final int MAX_RESOLVES = 6;
    /** Time limit of each of those re-solves. */
    private static final Duration RESOLVE_LIMIT = Duration.ofSeconds(2);
    /** LP duals listed, largest first. */
    private static final int MAX_DUALS = 15;
    /** Above this many variables the re-solves are skipped to keep explanations quick. */
    private static final int RESOLVE_MAX_VARIABLES = 20_000;
    /** Row prefixes of site and supply limits whose relaxation needs a MIP re-solve (integers only). */
    private static final List<String> RESOURCE_ROWS = List.of("power[", "space[", "budget[", "supply[", "leaseSupply[");
    /** Time limit of the LP with the integers fixed. */
    private static final Duration LP_LIMIT = Duration.ofSeconds(5);

    private final MipRunner runner;

    BindingAnalysis(MipRunner runner) {
        this.runner = runner;
    }

    /**
     * Binding constraints: (1) rows with continuous terms (demand, busy accelerators of an installed pool) get GLOP's
     * dual with every integer decision fixed at the plan's value; (2) site and supply limits, which hold only integer
     * decisions, are worth what one more unit saves when the MIP is solved again with that limit one unit higher,
     * starting from this plan (still feasible there), so the saving found is never negative.
     */
    List<Binding> binding(ProcurementModel model, ProcurementPlan plan) {
        double[] x = model.valuesFrom(plan);
        List<Binding> out = lpDuals(model, x);
        out.addAll(resolves(model, plan, x));
        return out;
    }

    /** Rows with continuous terms and a non-zero dual, largest first, with every integer decision fixed. */
    private List<Binding> lpDuals(ProcurementModel model, double[] x) {
        LinearProgram lp = model.program();
        List<Binding> duals = new ArrayList<>();
        MipRunner.Result fixed = runner.lp(lp, LP_LIMIT, x, model.integerMask());
        if (fixed.hasSolution()) {
            for (LinearProgram.Row row : lp.rows()) {
                double dual = fixed.duals()[row.index()];
                if (Math.abs(dual) < 1e-7
                        || row.unit().isEmpty()
                        || (row.name().startsWith("busy[") && !installed(row, x))) {
                    continue;
                }
                boolean atLeast = Double.isFinite(row.lb()) && !Double.isFinite(row.ub());
                double perUnit = (atLeast ? dual : -dual) * row.unitScale();
                String sentence = atLeast
                        ? String.format("one more %s would cost $%,.2f (discounted)", row.unit(), perUnit)
                        : String.format(
                                "one more %s (already paid for) would save $%,.2f (discounted)", row.unit(), perUnit);
                duals.add(new Binding(row.name(), row.unit(), perUnit, "LP dual (integers fixed)", sentence));
            }
        }
        duals.sort(Comparator.comparingDouble((Binding b) -> -Math.abs(b.usdPerUnit())));
        return new ArrayList<>(duals.subList(0, Math.min(MAX_DUALS, duals.size())));
    }

    /** Binding site and supply limits, each re-solved as a MIP with one more unit while the budget of re-solves lasts. */
    private List<Binding> resolves(ProcurementModel model, ProcurementPlan plan, double[] x) {
        LinearProgram lp = model.program();
        List<Binding> out = new ArrayList<>();
        // the plan as a complete hint (every variable): SCIP starts from it without completing it by a sub-MIP
        List<double[]> hint = model.hintFrom(plan);
        boolean resolve = lp.variables().size() <= RESOLVE_MAX_VARIABLES;
        int resolved = 0;
        for (LinearProgram.Row row : lp.rows()) {
            if (!RESOURCE_ROWS.stream().anyMatch(row.name()::startsWith)
                    || !Double.isFinite(row.ub())
                    || row.unit().isEmpty()
                    || slack(row, x) >= row.unitScale() - 1e-9) {
                continue;
            }
            if (resolve && resolved < MAX_RESOLVES) {
                resolved++;
                MipRunner.Result relaxed = runner.mip(withBound(lp, row), RESOLVE_LIMIT, hint, r -> {});
                if (relaxed.hasSolution()) {
                    double saving = Math.max(0, plan.objectiveUsd() - relaxed.objective());
                    double most = Math.max(saving, plan.objectiveUsd() - relaxed.bound());
                    String sentence = relaxed.status() == MipRunner.Status.OPTIMAL
                            ? String.format(
                                    "one more %s would save $%,.0f (discounted; re-solved to a %.2f%% gap)",
                                    row.unit(), saving, 100 * relaxed.gap())
                            : String.format(
                                    "one more %s would save at least $%,.0f and at most $%,.0f (discounted; re-solve stopped at its time limit)",
                                    row.unit(), saving, most);
                    out.add(new Binding(row.name(), row.unit(), saving, "MIP re-solve", sentence));
                    continue;
                }
            }
            out.add(new Binding(
                    row.name(), row.unit(), 0, "binding, not re-solved", "the " + row.unit() + " limit is fully used"));
        }
        return out;
    }

    private static boolean installed(LinearProgram.Row busyRow, double[] x) {
        // busy[k,s,q]: use - n * srv <= 0; the second term is the installed servers
        return busyRow.vars().length > 1 && x[busyRow.vars()[1]] > 0.5;
    }

    private static double slack(LinearProgram.Row row, double[] x) {
        double activity = 0;
        for (int i = 0; i < row.vars().length; i++) {
            activity += row.coefs()[i] * x[row.vars()[i]];
        }
        return row.ub() - activity;
    }

    /** A copy of the program with one row's upper bound raised by one unit. */
    private static LinearProgram withBound(LinearProgram lp, LinearProgram.Row relaxed) {
        LinearProgram copy = new LinearProgram();
        for (LinearProgram.Variable v : lp.variables()) {
            int i = copy.addVariable(v.name(), v.lb(), v.ub(), v.integer());
            copy.addObjective(i, lp.objective(v.index()));
        }
        for (LinearProgram.Row row : lp.rows()) {
            var b = copy.row(row.name(), row.requirement()).unit(row.unit(), row.unitScale());
            for (int i = 0; i < row.vars().length; i++) {
                b.add(row.vars()[i], row.coefs()[i]);
            }
            double ub = row.index() == relaxed.index() ? row.ub() + row.unitScale() : row.ub();
            if (Double.isFinite(row.lb()) && Double.isFinite(ub)) {
                if (row.lb() == ub) {
                    b.equalTo(ub);
                } else {
                    b.atMost(ub);
                    copyLowerBound(copy, row);
                }
            } else if (Double.isFinite(row.lb())) {
                b.atLeast(row.lb());
            } else {
                b.atMost(ub);
            }
        }
        return copy;
    }

    private static void copyLowerBound(LinearProgram copy, LinearProgram.Row row) {
        var b = copy.row(row.name() + ".lb", row.requirement());
        for (int i = 0; i < row.vars().length; i++) {
            b.add(row.vars()[i], row.coefs()[i]);
        }
        b.atLeast(row.lb());
    }
}
