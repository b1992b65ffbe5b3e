package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.Assignment;
import dev.computeplan.procurement.model.ProcurementPlan.Lease;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import dev.computeplan.procurement.model.ProcurementPlan.Retention;
import dev.computeplan.procurement.model.ProcurementPlan.SiteUsage;
import java.util.ArrayList;
import java.util.List;

/** Between plans and variable values: a plan as a hint or as values, and a relaxed solution rounded to whole servers. */
final class PlanValues extends ModelPart {

    PlanValues(ModelPart model) {
        super(model);
    }

    /**
     * A previous plan as a complete solver hint: (variable index, value) for every variable, so that SCIP checks it
     * directly rather than completing a partial one with a sub-MIP.
     */
    List<double[]> hintFrom(ProcurementPlan plan) {
        List<double[]> hint = new ArrayList<>();
        if (plan == null
                || plan.purchases() == null
                || plan.leases() == null
                || plan.existingFleet() == null
                || plan.usage() == null
                || plan.assignments() == null) {
            return hint;
        }
        // every variable: decisions as in the plan (zero where it has none), installed servers by the fleet balance
        double[] x = valuesFrom(plan);
        for (LinearProgram.Variable v : lp.variables()) {
            hint.add(new double[] {v.index(), v.integer() ? Math.round(x[v.index()]) : x[v.index()]});
        }
        return hint;
    }

    /**
     * The integer decisions of a relaxed (LP) solution rounded to whole servers, continuous values left as they are.
     * Purchases are rounded as a running total per pool (SKU k in site s): the servers bought up to quarter q,
     * {@code sum_{q' <= q} buy[k,s,q']}, is rounded up when its fractional part exceeds {@code threshold} and down
     * otherwise, and never below the rounded total of the quarter before, so the rounded fleet follows the relaxed one
     * within one server. Leases are rounded alike, quarter by quarter; kept servers too, then made non-increasing
     * (retirement). The result meets the integrality and retirement rules; the other rows are left to the LP that
     * re-optimises the continuous part with these integers fixed.
     */
    double[] rounded(double[] relaxed, double threshold) {
        double[] x = relaxed.clone();
        for (int k = 0; k < nk; k++) {
            for (int s = 0; s < ns; s++) {
                double total = 0;
                double whole = 0;
                for (int q = 0; q < nq; q++) {
                    if (buy[k][s][q] >= 0) {
                        total += relaxed[buy[k][s][q]];
                        double r = Math.max(whole, roundAt(total, threshold));
                        x[buy[k][s][q]] = r - whole;
                        whole = r;
                    }
                    if (lease[k][s][q] >= 0) {
                        x[lease[k][s][q]] = roundAt(relaxed[lease[k][s][q]], threshold);
                    }
                }
            }
        }
        for (int s = 0; s < ns; s++) {
            for (int e = 0; e < keep[s].length; e++) {
                for (int q = 0; q < nq; q++) {
                    double r = roundAt(relaxed[keep[s][e][q]], threshold);
                    x[keep[s][e][q]] = q == 0 ? r : Math.min(r, x[keep[s][e][q - 1]]);
                }
            }
        }
        return x;
    }

    private static double roundAt(double value, double threshold) {
        double down = Math.floor(value + 1e-9);
        return value - down > threshold ? down + 1 : Math.max(0, down);
    }

    /**
     * The variable values of a plan (the inverse of {@link #extract}): decisions as given, installed servers
     * recomputed by the fleet balance. Used to fix the integers before the LP dual solve and to measure slack.
     */
    double[] valuesFrom(ProcurementPlan plan) {
        double[] x = new double[lp.variables().size()];
        for (Purchase b : plan.purchases()) {
            set(x, buy, p.skuIndex(b.sku()), p.siteIndex(b.site()), b.quarter(), b.servers());
        }
        for (Lease l : plan.leases()) {
            set(x, lease, p.skuIndex(l.sku()), p.siteIndex(l.site()), l.quarter(), l.servers());
        }
        for (Retention r : plan.existingFleet()) {
            int s = p.siteIndex(r.site());
            if (s >= 0 && r.fleetIndex() >= 0 && r.fleetIndex() < keep[s].length) {
                for (int q = 0; q < nq && q < r.keptServers().size(); q++) {
                    x[keep[s][r.fleetIndex()][q]] += r.keptServers().get(q);
                }
            }
        }
        for (SiteUsage u : plan.usage()) {
            set(x, use, p.skuIndex(u.sku()), p.siteIndex(u.site()), u.quarter(), u.usedAccelerators());
        }
        for (Assignment a : plan.assignments()) {
            set(
                    x,
                    "CLOUD".equals(a.source()) ? cloud : own,
                    p.workloadIndex(a.workload()),
                    p.skuIndex(a.sku()),
                    a.quarter(),
                    a.accelerators());
        }
        for (var row : lp.rows()) {
            if (row.name().startsWith("fleet[")) {
                // srv has coefficient +1 and comes first; the rest are -1 terms
                double installed = 0;
                for (int i = 1; i < row.vars().length; i++) {
                    installed -= row.coefs()[i] * x[row.vars()[i]];
                }
                x[row.vars()[0]] = installed;
            }
        }
        return x;
    }

    private static void set(double[] x, int[][][] index, int a, int b, int q, double value) {
        if (a >= 0 && b >= 0 && q >= 0 && q < index[a][b].length && index[a][b][q] >= 0) {
            x[index[a][b][q]] += value;
        }
    }
}
