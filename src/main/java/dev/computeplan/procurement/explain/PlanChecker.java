package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.solver.PlanAudit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-verifies a plan against every rule of the problem and recomputes its cost ({@link CostRecount}), from the
 * request alone and without the solver's model, so that a modelling slip shows up as a disagreement.
 */
public final class PlanChecker extends PlanTally {

    /** One cost item: where, when, what, which type, discounted USD and undiscounted tonnes. */
    public record CostLine(String site, int quarter, String sku, String type, double usd, double tonnes) {}

    public record Result(List<String> violations, List<CostLine> lines, CostSummary costs, CashFlow cashFlow) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private PlanChecker(ProcurementProblem p) {
        super(p);
    }

    public static Result check(ProcurementProblem problem, ProcurementPlan plan) {
        PlanChecker c = new PlanChecker(problem);
        c.read(plan);
        c.checkFleet();
        c.checkDemand();
        c.checkSites();
        c.checkSupply();
        CostRecount costs = new CostRecount(c);
        CostSummary summary = costs.summary();
        return new Result(List.copyOf(c.violations), costs.lines(), summary, new CashFlowTally(c).cashFlow(summary));
    }

    /** The check as the solver's {@link PlanAudit}: violations and recomputed costs. */
    public static PlanAudit.Verdict verdict(ProcurementProblem problem, ProcurementPlan plan) {
        Result result = check(problem, plan);
        return new PlanAudit.Verdict(result.violations(), result.costs(), result.cashFlow());
    }

    /** Busy accelerators fit in installed servers; the fleet's busy accelerators are the ones assigned. */
    private void checkFleet() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int q = 0; q < nq; q++) {
                double busy = 0;
                for (int s = 0; s < ns; s++) {
                    busy += used[k][s][q];
                    if (above(used[k][s][q], sku.acceleratorsPerServer() * servers[k][s][q])) {
                        fail(String.format(
                                "%s in %s %s: %.2f busy accelerators but only %.0f installed",
                                sku.name(),
                                p.sites().get(s).name(),
                                p.quarterLabel(q),
                                used[k][s][q],
                                sku.acceleratorsPerServer() * servers[k][s][q]));
                    }
                }
                double assigned = 0;
                for (int w = 0; w < nw; w++) {
                    assigned += owned[w][k][q];
                }
                if (above(assigned, busy) || above(busy, assigned)) {
                    fail(String.format(
                            "%s %s: %.2f accelerators assigned to workloads but %.2f busy in sites",
                            sku.name(), p.quarterLabel(q), assigned, busy));
                }
            }
        }
    }

    /** Sum over SKUs of rate x (owned + cloud) accelerators covers each workload's demand in each quarter. */
    private void checkDemand() {
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            for (int q = 0; q < nq; q++) {
                double delivered = 0;
                for (int k = 0; k < nk; k++) {
                    delivered += throughput.rate(w, k) * (owned[w][k][q] + cloud[w][k][q]);
                }
                if (above(load.demandIn(q), delivered)) {
                    fail(String.format(
                            "%s in %s: delivers %.2f of %.2f %s",
                            load.name(),
                            p.quarterLabel(q),
                            delivered,
                            load.demandIn(q),
                            Throughput.unitPerQuarter(load)));
                }
            }
        }
    }

    /** Power (with PUE), rack space and capex budgets per site and quarter, and the company budget. */
    private void checkSites() {
        for (int q = 0; q < nq; q++) {
            double companyCapex = 0;
            for (int s = 0; s < ns; s++) {
                Site site = p.sites().get(s);
                double watts = 0;
                double units = 0;
                double capex = 0;
                for (int k = 0; k < nk; k++) {
                    Sku sku = p.catalogue().get(k);
                    watts += servers[k][s][q] * sku.serverPowerW() * site.pue();
                    units += servers[k][s][q] * sku.serverRackUnits();
                    if (buy[k][s][q] > 0) {
                        capex += buy[k][s][q] * sku.serverPriceUsd();
                    }
                }
                companyCapex += capex;
                if (above(watts, site.powerMw().get(q) * 1e6)) {
                    fail(String.format(
                            "%s %s: %.3f MW needed, %.3f MW available",
                            site.name(),
                            p.quarterLabel(q),
                            watts / 1e6,
                            site.powerMw().get(q)));
                }
                if (above(units, site.rackUnits().get(q))) {
                    fail(String.format(
                            "%s %s: %.0f rack units needed, %.0f available",
                            site.name(),
                            p.quarterLabel(q),
                            units,
                            site.rackUnits().get(q)));
                }
                if (above(capex, site.budgetCap(q))) {
                    fail(String.format(
                            "%s %s: capex %.0f USD over the site budget %.0f",
                            site.name(), p.quarterLabel(q), capex, site.budgetCap(q)));
                }
            }
            if (above(companyCapex, p.policy().budgetCap(q))) {
                fail(String.format(
                        "%s: capex %.0f USD over the company budget %.0f",
                        p.quarterLabel(q), companyCapex, p.policy().budgetCap(q)));
            }
        }
    }

    /** Delivery, lease and cloud caps per SKU and quarter; the vendor share of TFLOPS bought. */
    private void checkSupply() {
        double total = 0;
        Map<String, Double> byVendor = new TreeMap<>();
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            for (int q = 0; q < nq; q++) {
                double bought = 0;
                double leased = 0;
                for (int s = 0; s < ns; s++) {
                    bought += buy[k][s][q] * sku.acceleratorsPerServer();
                    leased += lease[k][s][q] * sku.acceleratorsPerServer();
                }
                double rented = 0;
                for (int w = 0; w < nw; w++) {
                    rented += cloud[w][k][q];
                }
                if (above(bought, sku.availabilityCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + bought + " accelerators bought, only "
                            + sku.availabilityCap(q) + " available");
                }
                if (above(leased, sku.leaseCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + leased + " accelerators leased, only "
                            + sku.leaseCap(q) + " available");
                }
                if (above(rented, sku.cloudCap(q))) {
                    fail(sku.name() + " " + p.quarterLabel(q) + ": " + rented + " cloud accelerators, only "
                            + sku.cloudCap(q) + " available");
                }
                double tflops = bought * sku.bf16Tflops();
                total += tflops;
                byVendor.merge(sku.vendor(), tflops, Double::sum);
            }
        }
        for (var e : byVendor.entrySet()) {
            if (above(e.getValue(), p.policy().maxVendorShare() * total)) {
                fail(String.format(
                        "vendor %s supplies %.1f%% of the TFLOPS bought, the cap is %.1f%%",
                        e.getKey(), 100 * e.getValue() / total, 100 * p.policy().maxVendorShare()));
            }
        }
    }
}
