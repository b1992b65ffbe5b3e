package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.explain.Explanation.CostBreakdown;
import dev.computeplan.procurement.explain.Explanation.PoolUse;
import dev.computeplan.procurement.explain.Explanation.PurchaseUse;
import dev.computeplan.procurement.explain.Explanation.VariantRow;
import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.solver.MipRunner;
import dev.computeplan.procurement.solver.ProcurementModel;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.util.ArrayList;
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

    private ProcurementExplainer() {}

    /** The settings are the solver's: the binding analysis re-solves the model as the solver would. */
    public static Explanation explain(
            ProcurementProblem problem, ProcurementPlan plan, ProcurementSolverSettings settings) {
        if (plan.objectiveUsd() == null) {
            String summary = plan.status() == PlanStatus.INFEASIBLE
                    ? "No plan meets every requirement. Relax at least one of the conflicting requirements listed"
                            + firstRepair(plan)
                    : "No plan was found: " + plan.message();
            return new Explanation(
                    plan.status(),
                    summary,
                    List.of(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    plan.conflict(),
                    plan.repairs() == null ? List.of() : plan.repairs(),
                    variants(plan),
                    List.of());
        }
        PlanChecker.Result check = PlanChecker.check(problem, plan);
        List<String> checks = new ArrayList<>(check.violations());
        if (checks.isEmpty()) {
            checks.add(String.format(
                    "independent check passed: every constraint holds; recomputed cost $%,.0f vs solver $%,.0f",
                    check.costs().totalUsd(), plan.objectiveUsd()));
        }
        ProcurementModel model = ProcurementModel.build(problem);
        List<PoolUse> pools = pools(problem, plan);
        return new Explanation(
                plan.status(),
                summary(problem, plan),
                checks,
                breakdown(problem, check),
                purchases(problem, plan, pools),
                pools,
                Throughput.of(problem).derivedFigures(problem),
                new BindingAnalysis(new MipRunner(settings), settings.budgets()).binding(model, plan),
                plan.conflict(),
                List.of(),
                variants(plan),
                ThroughputUsed.of(problem, plan));
    }

    private static String firstRepair(ProcurementPlan plan) {
        if (plan.repairs() == null
                || plan.repairs().isEmpty()
                || plan.repairs().get(0).objectiveUsd() == null) {
            return ".";
        }
        ProcurementPlan.Repair best = plan.repairs().get(0);
        return String.format(
                "; the cheapest way out: relax \"%s\" (a plan at $%,.0f, discounted).",
                best.requirement(), best.objectiveUsd());
    }

    private static String summary(ProcurementProblem p, ProcurementPlan plan) {
        Map<String, Integer> bought = new TreeMap<>();
        plan.purchases().forEach(b -> bought.merge(b.sku(), b.accelerators(), Integer::sum));
        String cash = plan.cashFlow() == null
                ? ""
                : String.format(
                        " Cash as booked: $%,.0f in the horizon (undiscounted), of which $%,.0f purchases at delivery;"
                                + " embodied carbon at purchase %,.0f tCO2e (the objective prices the in-horizon %,.0f t).",
                        plan.cashFlow().totalCashUsd(),
                        plan.cashFlow().cashCapexUsd(),
                        plan.cashFlow().embodiedTonnesAtPurchase(),
                        plan.cashFlow().embodiedTonnesAmortised());
        return String.format(
                "%s plan, discounted total $%,.0f (gap %.3f%%): buys %s; %d lease entries; %s cloud accelerator-quarters; lifecycle carbon %.0f tCO2e.%s",
                plan.status(),
                plan.objectiveUsd(),
                100 * plan.gap(),
                bought.isEmpty() ? "nothing" : bought,
                plan.leases().size(),
                String.format(
                        "%.1f",
                        plan.assignments().stream()
                                .filter(a -> "CLOUD".equals(a.source()))
                                .mapToDouble(a -> a.accelerators())
                                .sum()),
                plan.costs() == null
                        ? 0
                        : plan.costs().operationalTonnes()
                                + plan.costs().embodiedTonnes()
                                + plan.costs().cloudTonnes(),
                cash);
    }

    private static CostBreakdown breakdown(ProcurementProblem p, PlanChecker.Result check) {
        List<PlanChecker.CostLine> lines = check.lines();
        return new CostBreakdown(
                group(lines, PlanChecker.CostLine::site),
                group(lines, l -> p.quarterLabel(l.quarter())),
                group(lines, PlanChecker.CostLine::sku),
                group(lines, PlanChecker.CostLine::type),
                tonnes(lines),
                check.costs().totalUsd());
    }

    private static Map<String, Double> group(
            List<PlanChecker.CostLine> lines, Function<PlanChecker.CostLine, String> key) {
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
        plan.leases()
                .forEach(l -> installed.computeIfAbsent(l.sku() + "|" + l.site(), x -> new double[nq])[l.quarter()] +=
                        l.servers() * p.sku(l.sku()).acceleratorsPerServer());
        plan.existingFleet().forEach(r -> {
            double[] row = installed.computeIfAbsent(r.sku() + "|" + r.site(), x -> new double[nq]);
            for (int q = 0; q < nq; q++) {
                row[q] += r.keptServers().get(q) * p.sku(r.sku()).acceleratorsPerServer();
            }
        });
        plan.usage()
                .forEach(u -> busy.computeIfAbsent(u.sku() + "|" + u.site(), x -> new double[nq])[u.quarter()] +=
                        u.usedAccelerators());
        List<PoolUse> out = new ArrayList<>();
        installed.forEach((key, row) -> {
            String[] parts = key.split("\\|", 2);
            double[] used = busy.getOrDefault(key, new double[nq]);
            for (int q = 0; q < nq; q++) {
                if (row[q] > 0) {
                    out.add(new PoolUse(
                            parts[0],
                            parts[1],
                            p.quarterLabel(q),
                            (int) Math.round(row[q]),
                            used[q],
                            used[q] / row[q]));
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
                sum += pools.stream()
                        .filter(u -> u.sku().equals(b.sku())
                                && u.site().equals(b.site())
                                && u.quarter().equals(label))
                        .mapToDouble(PoolUse::utilisation)
                        .findFirst()
                        .orElse(0);
                quarters++;
            }
            double mean = quarters == 0 ? 0 : sum / quarters;
            out.add(new PurchaseUse(
                    b.sku(),
                    b.site(),
                    b.quarterLabel(),
                    b.servers(),
                    mean,
                    String.format(
                            "%d x %s servers delivered to %s in %s: their pool is %.0f%% busy on average over %d quarters in the horizon",
                            b.servers(), b.sku(), b.site(), b.quarterLabel(), 100 * mean, quarters)));
        }
        return out;
    }

    private static Double tonnes(ProcurementPlan.CostSummary c) {
        return c == null ? null : c.operationalTonnes() + c.embodiedTonnes() + c.cloudTonnes();
    }

    private static String reading(ProcurementPlan.VariantResult v) {
        if (v.withinTolerance() == null) {
            return "not comparable: " + v.status();
        }
        String composition = Boolean.TRUE.equals(v.compositionWithinTolerance()) && !v.withinTolerance()
                ? String.format(
                        "; keeping the base plan would cost only $%,.0f more than this plan, within tolerance:"
                                + " differences in what is bought are not effects",
                        v.basePlanUsd() - v.objectiveUsd())
                : "";
        return v.withinTolerance()
                ? String.format(
                        "within tolerance: the change of $%,.0f is not larger than the solvers' gaps allow ($%,.0f);"
                                + " differences in what is bought are not effects of the variant",
                        v.changeUsd(), v.toleranceUsd())
                : String.format(
                        "an effect: $%,.0f, beyond the $%,.0f the solvers' gaps allow%s",
                        v.changeUsd(), v.toleranceUsd(), composition);
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
        double cloud = plan.assignments().stream()
                .filter(a -> "CLOUD".equals(a.source()))
                .mapToDouble(a -> a.accelerators())
                .sum();
        out.add(new VariantRow(
                "base",
                plan.status(),
                plan.objectiveUsd(),
                0.0,
                bought,
                bySite,
                cloud,
                tonnes(plan.costs()),
                null,
                "the base case"));
        for (ProcurementPlan.VariantResult v : plan.variants()) {
            Double change = v.objectiveUsd() == null || plan.objectiveUsd() == null
                    ? null
                    : 100 * (v.objectiveUsd() - plan.objectiveUsd()) / plan.objectiveUsd();
            out.add(new VariantRow(
                    v.name(),
                    v.status(),
                    v.objectiveUsd(),
                    change,
                    v.acceleratorsBoughtBySku(),
                    v.acceleratorsBoughtBySite(),
                    v.cloudAcceleratorQuarters(),
                    tonnes(v.costs()),
                    v.withinTolerance(),
                    reading(v)));
        }
        return out;
    }
}
