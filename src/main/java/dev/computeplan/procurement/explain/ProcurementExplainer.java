package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.explain.Explanation.Binding;
import dev.computeplan.procurement.explain.Explanation.CostBreakdown;
import dev.computeplan.procurement.explain.Explanation.PoolUse;
import dev.computeplan.procurement.explain.Explanation.PurchaseUse;
import dev.computeplan.procurement.explain.Explanation.VariantRow;
import dev.computeplan.procurement.model.PlanChecker;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.solver.LinearProgram;
import dev.computeplan.procurement.solver.MipRunner;
import dev.computeplan.procurement.solver.ProcurementModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Explains a plan: cost breakdown, utilisation, derived figures, binding constraints with their value, the conflict
 * of an infeasible request, and the what-if variants beside the base case.
 */
public final class ProcurementExplainer {

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

    private ProcurementExplainer() {
    }

    public static Explanation explain(ProcurementProblem problem, ProcurementPlan plan) {
        if (plan.objectiveUsd() == null) {
            String summary = "INFEASIBLE".equals(plan.status())
                    ? "No plan meets every requirement. Relax at least one of the conflicting requirements listed."
                    : "No plan was found: " + plan.message();
            return new Explanation(plan.status(), summary, List.of(), null, List.of(), List.of(), List.of(), List.of(),
                    plan.conflict(), variants(plan));
        }
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        List<String> checks = new ArrayList<>(check.violations());
        if (checks.isEmpty()) {
            checks.add(String.format("independent check passed: every constraint holds; recomputed cost $%,.0f vs solver $%,.0f",
                    check.costs().totalUsd(), plan.objectiveUsd()));
        }
        ProcurementModel model = ProcurementModel.build(problem);
        List<PoolUse> pools = pools(problem, plan);
        return new Explanation(plan.status(), summary(problem, plan), checks, breakdown(problem, check),
                purchases(problem, plan, pools), pools, Throughput.of(problem).derivedFigures(problem),
                binding(model, plan), plan.conflict(), variants(plan));
    }

    private static String summary(ProcurementProblem p, ProcurementPlan plan) {
        Map<String, Integer> bought = new TreeMap<>();
        plan.purchases().forEach(b -> bought.merge(b.sku(), b.accelerators(), Integer::sum));
        return String.format("%s plan, discounted total $%,.0f (gap %.3f%%): buys %s; %d lease entries; %s cloud accelerator-quarters; lifecycle carbon %.0f tCO2e.",
                plan.status(), plan.objectiveUsd(), 100 * plan.gap(), bought.isEmpty() ? "nothing" : bought,
                plan.leases().size(),
                String.format("%.1f", plan.assignments().stream().filter(a -> "CLOUD".equals(a.source())).mapToDouble(a -> a.accelerators()).sum()),
                plan.costs() == null ? 0 : plan.costs().operationalTonnes() + plan.costs().embodiedTonnes() + plan.costs().cloudTonnes());
    }

    private static CostBreakdown breakdown(ProcurementProblem p, PlanChecker.Result check) {
        List<PlanChecker.CostLine> lines = check.lines();
        return new CostBreakdown(group(lines, PlanChecker.CostLine::site), group(lines, l -> p.quarterLabel(l.quarter())),
                group(lines, PlanChecker.CostLine::sku), group(lines, PlanChecker.CostLine::type), tonnes(lines),
                check.costs().totalUsd());
    }

    private static Map<String, Double> group(List<PlanChecker.CostLine> lines, Function<PlanChecker.CostLine, String> key) {
        Map<String, Double> out = new TreeMap<>();
        lines.forEach(l -> out.merge(key.apply(l), l.usd(), Double::sum));
        return out;
    }

    private static Map<String, Double> tonnes(List<PlanChecker.CostLine> lines) {
        Map<String, Double> out = new TreeMap<>();
        lines.stream().filter(l -> l.tonnes() != 0).forEach(l -> out.merge(l.type(), l.tonnes(), Double::sum));
        return out;
    }

    /** Installed accelerators (bought in service, leased, kept) against busy ones, per SKU, site and quarter. */
    private static List<PoolUse> pools(ProcurementProblem p, ProcurementPlan plan) {
        int nq = p.horizonQuarters();
        Map<String, double[]> installed = new LinkedHashMap<>();
        Map<String, double[]> busy = new LinkedHashMap<>();
        for (Purchase b : plan.purchases()) {
            Sku sku = p.sku(b.sku());
            double[] row = installed.computeIfAbsent(b.sku() + "|" + b.site(), x -> new double[nq]);
            for (int q = b.quarter(); q < Math.min(nq, b.quarter() + sku.usefulLifeQuarters()); q++) {
                row[q] += b.accelerators();
            }
        }
        plan.leases().forEach(l -> installed.computeIfAbsent(l.sku() + "|" + l.site(), x -> new double[nq])[l.quarter()]
                += l.servers() * p.sku(l.sku()).acceleratorsPerServer());
        plan.existingFleet().forEach(r -> {
            double[] row = installed.computeIfAbsent(r.sku() + "|" + r.site(), x -> new double[nq]);
            for (int q = 0; q < nq; q++) {
                row[q] += r.keptServers().get(q) * p.sku(r.sku()).acceleratorsPerServer();
            }
        });
        plan.usage().forEach(u -> busy.computeIfAbsent(u.sku() + "|" + u.site(), x -> new double[nq])[u.quarter()] += u.usedAccelerators());
        List<PoolUse> out = new ArrayList<>();
        installed.forEach((key, row) -> {
            String[] parts = key.split("\\|", 2);
            double[] used = busy.getOrDefault(key, new double[nq]);
            for (int q = 0; q < nq; q++) {
                if (row[q] > 0) {
                    out.add(new PoolUse(parts[0], parts[1], p.quarterLabel(q), (int) Math.round(row[q]), used[q], used[q] / row[q]));
                }
            }
        });
        return out;
    }

    private static List<PurchaseUse> purchases(ProcurementProblem p, ProcurementPlan plan, List<PoolUse> pools) {
        List<PurchaseUse> out = new ArrayList<>();
        for (Purchase b : plan.purchases()) {
            int life = p.sku(b.sku()).usefulLifeQuarters();
            double sum = 0;
            int quarters = 0;
            for (int q = b.quarter(); q < Math.min(p.horizonQuarters(), b.quarter() + life); q++) {
                String label = p.quarterLabel(q);
                sum += pools.stream().filter(u -> u.sku().equals(b.sku()) && u.site().equals(b.site()) && u.quarter().equals(label))
                        .mapToDouble(PoolUse::utilisation).findFirst().orElse(0);
                quarters++;
            }
            double mean = quarters == 0 ? 0 : sum / quarters;
            out.add(new PurchaseUse(b.sku(), b.site(), b.quarterLabel(), b.servers(), mean,
                    String.format("%d x %s servers delivered to %s in %s: their pool is %.0f%% busy on average over %d quarters in the horizon",
                            b.servers(), b.sku(), b.site(), b.quarterLabel(), 100 * mean, quarters)));
        }
        return out;
    }

    /**
     * Binding constraints: (1) rows with continuous terms (demand, busy accelerators of an installed pool) get GLOP's
     * dual with every integer decision fixed at the plan's value; (2) site and supply limits, which hold only integer
     * decisions, are worth what one more unit saves when the MIP is solved again with that limit one unit higher,
     * starting from this plan (still feasible there), so the saving found is never negative.
     */
    private static List<Binding> binding(ProcurementModel model, ProcurementPlan plan) {
        LinearProgram lp = model.program();
        double[] x = model.valuesFrom(plan);
        List<Binding> duals = new ArrayList<>();
        MipRunner.Result fixed = MipRunner.lp(lp, Duration.ofSeconds(5), x, model.integerMask());
        if (fixed.hasSolution()) {
            for (LinearProgram.Row row : lp.rows()) {
                double dual = fixed.duals()[row.index()];
                if (Math.abs(dual) < 1e-7 || row.unit().isEmpty() || (row.name().startsWith("busy[") && !installed(row, x))) {
                    continue;
                }
                boolean atLeast = Double.isFinite(row.lb()) && !Double.isFinite(row.ub());
                double perUnit = (atLeast ? dual : -dual) * row.unitScale();
                String sentence = atLeast
                        ? String.format("one more %s would cost $%,.2f (discounted)", row.unit(), perUnit)
                        : String.format("one more %s (already paid for) would save $%,.2f (discounted)", row.unit(), perUnit);
                duals.add(new Binding(row.name(), row.unit(), perUnit, "LP dual (integers fixed)", sentence));
            }
        }
        duals.sort(Comparator.comparingDouble((Binding b) -> -Math.abs(b.usdPerUnit())));
        List<Binding> out = new ArrayList<>(duals.subList(0, Math.min(MAX_DUALS, duals.size())));
        // the plan as a complete hint (every variable): SCIP starts from it without completing it by a sub-MIP
        List<double[]> hint = model.hintFrom(plan);
        boolean resolve = lp.variables().size() <= RESOLVE_MAX_VARIABLES;
        int resolved = 0;
        for (LinearProgram.Row row : lp.rows()) {
            if (!RESOURCE_ROWS.stream().anyMatch(row.name()::startsWith) || !Double.isFinite(row.ub()) || row.unit().isEmpty()
                    || slack(row, x) >= row.unitScale() - 1e-9) {
                continue;
            }
            if (resolve && resolved < MAX_RESOLVES) {
                resolved++;
                MipRunner.Result relaxed = MipRunner.mip(withBound(lp, row), RESOLVE_LIMIT, hint, r -> { });
                if (relaxed.hasSolution()) {
                    double saving = Math.max(0, plan.objectiveUsd() - relaxed.objective());
                    double most = Math.max(saving, plan.objectiveUsd() - relaxed.bound());
                    String sentence = relaxed.status() == MipRunner.Status.OPTIMAL
                            ? String.format("one more %s would save $%,.0f (discounted; re-solved to a %.2f%% gap)", row.unit(), saving, 100 * relaxed.gap())
                            : String.format("one more %s would save at least $%,.0f and at most $%,.0f (discounted; re-solve stopped at its time limit)",
                                    row.unit(), saving, most);
                    out.add(new Binding(row.name(), row.unit(), saving, "MIP re-solve", sentence));
                    continue;
                }
            }
            out.add(new Binding(row.name(), row.unit(), 0, "binding, not re-solved", "the " + row.unit() + " limit is fully used"));
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

    private static Double tonnes(ProcurementPlan.CostSummary c) {
        return c == null ? null : c.operationalTonnes() + c.embodiedTonnes() + c.cloudTonnes();
    }

    private static List<VariantRow> variants(ProcurementPlan plan) {
        List<VariantRow> out = new ArrayList<>();
        if (plan.variants() == null || plan.variants().isEmpty()) {
            return out;
        }
        Map<String, Integer> bought = new TreeMap<>();
        plan.purchases().forEach(b -> bought.merge(b.sku(), b.accelerators(), Integer::sum));
        Map<String, Integer> bySite = new TreeMap<>();
        plan.purchases().forEach(b -> bySite.merge(b.site(), b.accelerators(), Integer::sum));
        double cloud = plan.assignments().stream().filter(a -> "CLOUD".equals(a.source())).mapToDouble(a -> a.accelerators()).sum();
        out.add(new VariantRow("base", plan.status(), plan.objectiveUsd(), 0.0, bought, bySite, cloud, tonnes(plan.costs())));
        for (ProcurementPlan.VariantResult v : plan.variants()) {
            Double change = v.objectiveUsd() == null || plan.objectiveUsd() == null ? null
                    : 100 * (v.objectiveUsd() - plan.objectiveUsd()) / plan.objectiveUsd();
            out.add(new VariantRow(v.name(), v.status(), v.objectiveUsd(), change, v.acceleratorsBoughtBySku(),
                    v.acceleratorsBoughtBySite(), v.cloudAcceleratorQuarters(), tonnes(v.costs())));
        }
        return out;
    }
}
