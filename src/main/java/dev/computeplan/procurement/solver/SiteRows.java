package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.solver.LinearProgram.Requirement;

/** Site limits: power (with PUE), rack space, and the site and company capex budgets. */
final class SiteRows extends ModelPart {

    SiteRows(ModelPart model) {
        super(model);
    }

    // power[s,q]:  sum_k n_k * W_k * (1 + o_k) * PUE_s * srv[k,s,q] <= 1e6 * MW[s,q]
    // space[s,q]:  sum_k U_k * srv[k,s,q] <= RU[s,q]
    // budget[s,q]: sum_k C_k * buy[k,s,q] <= B[s,q]   (C_k = n_k * price_k + server price)
    // budget[q]:   sum_{k,s} C_k * buy[k,s,q] <= B[q]
    void sitesPowerSpaceBudget() {
        for (int s = 0; s < ns; s++) {
            for (int q = 0; q < nq; q++) {
                siteRows(s, q);
            }
        }
        for (int q = 0; q < nq; q++) {
            companyBudgetRow(q);
        }
    }

    private void siteRows(int s, int q) {
        Site site = p.sites().get(s);
        String where = site.name() + " in " + p.quarterLabel(q);
        var power = lp.row(
                "power[" + s + "," + q + "]",
                new Requirement(
                        "power:" + s + ":" + q,
                        String.format(
                                "power limit of %s (%s MW incl. PUE %.2f)",
                                where, short4(site.powerMw().get(q)), site.pue())));
        var space = lp.row(
                "space[" + s + "," + q + "]",
                new Requirement(
                        "space:" + s + ":" + q,
                        String.format(
                                "rack space of %s (%,.0f U)",
                                where, site.rackUnits().get(q))));
        var budget = lp.row(
                "budget[" + s + "," + q + "]",
                new Requirement(
                        "budget:" + s + ":" + q,
                        String.format("capex budget of %s ($%,.0f)", where, site.budgetCap(q))));
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            power.add(srv[k][s][q], sku.serverPowerW() * site.pue());
            space.add(srv[k][s][q], sku.serverRackUnits());
            if (sku.buyable()) {
                budget.add(buy[k][s][q], sku.serverPriceUsd());
            }
        }
        if (!power.isEmpty()) {
            power.unit("MW in " + where, 1e6).atMost(site.powerMw().get(q) * 1e6);
            space.unit("rack unit in " + where, 1).atMost(site.rackUnits().get(q));
        }
        if (!budget.isEmpty() && Double.isFinite(site.budgetCap(q))) {
            budget.unit("USD of capex budget in " + where, 1).atMost(site.budgetCap(q));
        }
    }

    private void companyBudgetRow(int q) {
        double cap = p.policy().budgetCap(q);
        if (!Double.isFinite(cap)) {
            return;
        }
        var row = lp.row(
                "budget[" + q + "]",
                new Requirement(
                        "budget:" + q, String.format("company capex budget in %s ($%,.0f)", p.quarterLabel(q), cap)));
        for (int k = 0; k < nk; k++) {
            for (int s = 0; s < ns; s++) {
                row.add(buy[k][s][q], p.catalogue().get(k).serverPriceUsd());
            }
        }
        if (!row.isEmpty()) {
            row.unit("USD of company capex budget in " + p.quarterLabel(q), 1).atMost(cap);
        }
    }
}
