package dev.computeplan.procurement.explain;

import static dev.computeplan.procurement.model.ProcurementProblem.HOURS_PER_QUARTER;

import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.CashFlow.BudgetUse;
import dev.computeplan.procurement.model.CashFlow.Quarter;
import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import java.util.ArrayList;
import java.util.List;

/**
 * A tallied plan's cash flow per quarter (undiscounted, purchases gross at delivery) and embodied carbon at purchase,
 * for the planner's books; the objective's discounted, amortised view comes from {@link CostRecount}.
 */
final class CashFlowTally extends PlanTally {

    CashFlowTally(PlanTally tally) {
        super(tally);
    }

    CashFlow cashFlow(CostSummary discounted) {
        List<Quarter> quarters = new ArrayList<>();
        double[] sums = new double[8];
        for (int q = 0; q < nq; q++) {
            double[] c = quarter(q);
            quarters.add(new Quarter(
                    q,
                    p.quarterLabel(q),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[0] + c[1] + c[2] + c[3] + c[4],
                    p.discount(q),
                    c[5],
                    c[6]));
            for (int i = 0; i < c.length; i++) {
                sums[i] += c[i];
            }
        }
        double cash = sums[0] + sums[1] + sums[2] + sums[3] + sums[4];
        return new CashFlow(
                quarters,
                budgets(),
                sums[0],
                sums[1],
                sums[2],
                sums[3],
                sums[4],
                cash,
                p.policy().carbonUsdPerTonne() * (sums[6] + discounted.embodiedTonnes()),
                discounted.totalUsd(),
                discounted.capexUsd(),
                sums[5],
                discounted.embodiedTonnes(),
                sums[6]);
    }

    /** capex, lease, cloud, energy, opex (USD), embodied at purchase and operational (t) of one quarter. */
    private double[] quarter(int q) {
        double[] c = new double[7];
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            double kwPerAccelerator = sku.boardPowerW() * (1 + sku.serverOverheadFraction()) / 1000.0;
            for (int s = 0; s < ns; s++) {
                Site site = p.sites().get(s);
                if (buy[k][s][q] > 0) {
                    c[0] += buy[k][s][q] * sku.serverPriceUsd();
                    c[5] += buy[k][s][q] * n * sku.embodiedKgCo2ePerAccelerator() / 1000.0;
                }
                if (lease[k][s][q] > 0) {
                    c[1] += lease[k][s][q] * n * HOURS_PER_QUARTER * sku.leaseUsdPerHour();
                }
                double kwh = HOURS_PER_QUARTER
                        * site.pue()
                        * kwPerAccelerator
                        * (p.policy().idlePowerFraction() * n * servers[k][s][q]
                                + (1 - p.policy().idlePowerFraction()) * used[k][s][q]);
                c[3] += kwh * site.electricityUsdPerKwh();
                c[4] += servers[k][s][q] * sku.opexUsdPerServerQuarter();
                c[6] += kwh * site.carbonGPerKwh() / 1e6;
            }
            double rented = 0;
            for (int w = 0; w < nw; w++) {
                rented += cloud[w][k][q];
            }
            if (rented > 0) {
                c[2] += rented * HOURS_PER_QUARTER * sku.cloudUsdPerHour();
                c[6] += rented
                        * HOURS_PER_QUARTER
                        * kwPerAccelerator
                        * p.policy().cloudPue()
                        * p.policy().cloudCarbonGPerKwh()
                        / 1e6;
            }
        }
        return c;
    }

    /** Every finite site and company capex budget against the purchase cash it counts (servers at full price). */
    private List<BudgetUse> budgets() {
        List<BudgetUse> out = new ArrayList<>();
        for (int q = 0; q < nq; q++) {
            double company = 0;
            for (int s = 0; s < ns; s++) {
                double spent = 0;
                for (int k = 0; k < nk; k++) {
                    if (buy[k][s][q] > 0) {
                        spent += buy[k][s][q] * p.catalogue().get(k).serverPriceUsd();
                    }
                }
                company += spent;
                Site site = p.sites().get(s);
                addBudget(out, site.name(), q, site.budgetCap(q), spent);
            }
            addBudget(out, null, q, p.policy().budgetCap(q), company);
        }
        return out;
    }

    private void addBudget(List<BudgetUse> out, String site, int q, double cap, double spent) {
        if (Double.isFinite(cap)) {
            out.add(new BudgetUse(site, q, p.quarterLabel(q), cap, spent, cap > 0 ? spent / cap : 0));
        }
    }
}
