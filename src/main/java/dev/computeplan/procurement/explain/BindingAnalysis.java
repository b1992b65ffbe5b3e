package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.explain.Explanation.Binding;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.solver.LinearProgram;
import dev.computeplan.procurement.solver.MipRunner;
import dev.computeplan.procurement.solver.ProcurementModel;
import dev.computeplan.procurement.solver.ResolveBudgets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which constraints of a plan bind, and what one more unit of each is worth. */
final class BindingAnalysis {

    /** Binding resource rows re-solved as a MIP with one more unit (the rest get only their LP dual). */
    private static final int MAX_RESOLVES = 6;
    /** LP duals listed, largest first. */
    private static final int MAX_DUALS = 15;
    /** Above this many variables the re-solves are skipped to keep explanations quick. */
    private static final int RESOLVE_MAX_VARIABLES = 20_000;
    /** Relative slack under which a limit counts as fully used (the solver's feasibility tolerance is smaller). */
    private static final double SLACK_TOLERANCE = 1e-6;
    /** Row prefixes of site and supply limits whose relaxation needs a MIP re-solve (integers only). */
    private static final List<String> RESOURCE_ROWS = List.of("power[", "space[", "budget[", "supply[", "leaseSupply[");

    private final MipRunner runner;
    private final ResolveBudgets budgets;

    BindingAnalysis(MipRunner runner, ResolveBudgets budgets) {
        this.runner = runner;
        this.budgets = budgets;
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
        MipRunner.Result fixed = runner.lp(lp, budgets.bindingLp(), x, model.integerMask());
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

    /**
     * Site and supply limits that bind: no slack left (within the numeric tolerance), or less than one more server of
     * any kind in the row would need. Each is re-solved parametrically while the budget of re-solves and time lasts.
     */
    private List<Binding> resolves(ProcurementModel model, ProcurementPlan plan, double[] x) {
        LinearProgram lp = model.program();
        List<Binding> out = new ArrayList<>();
        // the plan as a complete hint (every variable): SCIP starts from it without completing it by a sub-MIP
        List<double[]> hint = model.hintFrom(plan);
        boolean resolve = lp.variables().size() <= RESOLVE_MAX_VARIABLES;
        LimitRange ranges = new LimitRange(
                runner,
                budgets.bindingResolve(),
                System.nanoTime() + budgets.bindingAnalysis().toNanos());
        int resolved = 0;
        for (LinearProgram.Row row : lp.rows()) {
            if (!RESOURCE_ROWS.stream().anyMatch(row.name()::startsWith)
                    || !Double.isFinite(row.ub())
                    || row.unit().isEmpty()) {
                continue;
            }
            double activity = LimitRange.rowActivity(row, x);
            double slack = row.ub() - activity;
            if (!binding(row, slack)) {
                continue;
            }
            LimitRange.Value value = null;
            if (resolve && resolved < MAX_RESOLVES) {
                resolved++;
                value = ranges.of(lp, row, plan.objectiveUsd(), hint);
            }
            out.add(describe(row, slack, value));
        }
        return out;
    }

    /**
     * Binding: no slack within the tolerance, or (all its decisions being whole servers) less slack than the smallest
     * step any of its terms could take.
     */
    static boolean binding(LinearProgram.Row row, double slack) {
        if (slack <= SLACK_TOLERANCE * Math.max(1.0, Math.abs(row.ub()))) {
            return true;
        }
        double step = Double.POSITIVE_INFINITY;
        for (double c : row.coefs()) {
            if (c > 0) {
                step = Math.min(step, c);
            }
        }
        return slack < step - SLACK_TOLERANCE * Math.max(1.0, step);
    }

    private static Binding describe(LinearProgram.Row row, double slack, LimitRange.Value v) {
        double scale = row.unitScale();
        double left = Math.max(0, slack) / scale;
        if (v == null || v.oneUnit() == null) {
            return new Binding(
                    row.name(),
                    row.unit(),
                    0,
                    "binding, not re-solved",
                    "the " + row.unit() + " limit is fully used",
                    left,
                    null,
                    null,
                    null);
        }
        String how = v.exact() ? "re-solved from the plan" : "a re-solve stopped at its time limit";
        if (v.whole() == null) {
            return new Binding(
                    row.name(),
                    row.unit(),
                    v.oneUnit(),
                    "MIP re-solve",
                    String.format("one more %s would save $%,.0f (discounted; %s)", row.unit(), v.oneUnit(), how),
                    left,
                    null,
                    null,
                    null);
        }
        double increment = v.increment() / scale;
        Double perUnit = increment > 0 ? v.whole() / increment : null;
        String sentence = perUnit == null
                ? String.format(
                        "raising the %s limit saves nothing beyond the solver's tolerance (discounted; %s)",
                        row.unit(), how)
                : String.format(
                        "one more %s would save $%,.0f; the whole saving of $%,.0f is reached with %s %s more"
                                + " (about $%,.0f per %s over that range), nothing beyond (discounted; %s)",
                        row.unit(),
                        v.oneUnit(),
                        v.whole(),
                        short4(increment),
                        measure(row.unit()),
                        perUnit,
                        measure(row.unit()),
                        how);
        return new Binding(
                row.name(), row.unit(), v.oneUnit(), "MIP re-solve", sentence, left, v.whole(), increment, perUnit);
    }

    /** "MW in Virginia in 2027Q4" is measured in "MW". */
    private static String measure(String unit) {
        int in = unit.indexOf(" in ");
        return in < 0 ? unit : unit.substring(0, in);
    }

    private static String short4(double value) {
        return new BigDecimal(value)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static boolean installed(LinearProgram.Row busyRow, double[] x) {
        // busy[k,s,q]: use - n * srv <= 0; the second term is the installed servers
        return busyRow.vars().length > 1 && x[busyRow.vars()[1]] > 0.5;
    }
}
