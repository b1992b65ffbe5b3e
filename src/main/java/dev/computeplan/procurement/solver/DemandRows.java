package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ExistingServers;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.solver.LinearProgram.Requirement;
import java.util.Arrays;
import java.util.List;

/** Demand cover: each workload's demand per quarter, and the cover rows built from an LP relaxation. */
final class DemandRows extends ModelPart {

    DemandRows(ModelPart model) {
        super(model);
    }

    // demand[w,q]: sum_k r[w,k] * (own[w,k,q] + cloud[w,k,q]) >= D[w,q]
    void demand() {
        for (int w = 0; w < nw; w++) {
            Workload load = p.workloads().get(w);
            String unit = Throughput.unitPerQuarter(load);
            for (int q = 0; q < nq; q++) {
                if (load.demandIn(q) <= 0) {
                    continue;
                }
                var row = lp.row(
                        "demand[" + w + "," + q + "]",
                        new Requirement(
                                "demand:" + w + ":" + q,
                                demandText(load, q, unit, ""),
                                demandText(load, q, unit, powerNeed(w, load.demandIn(q)))));
                for (int k = 0; k < nk; k++) {
                    row.add(own[w][k][q], t.rate(w, k)).add(cloud[w][k][q], t.rate(w, k));
                }
                row.unit(unit + " of " + load.name() + " in " + p.quarterLabel(q), 1)
                        .atLeast(load.demandIn(q));
            }
        }
    }

    // cover[q]: sum_{k,s} a[k,q] * (sum_{q' in (q-L_k, q]} buy[k,s,q'] + lease[k,s,q] + sum_e keep[s,e,q])
    //             + sum_{w,k} pi[w,q] * r[w,k] * cloud[w,k,q] >= sum_w pi[w,q] * D[w,q]
    //   with pi[w,q] >= 0 the LP relaxation's dual of demand[w,q] and a[k,q] = n_k * max_w pi[w,q] * r[w,k].
    // Valid for any pi >= 0: the demand rows of quarter q weighted by pi and added up, each owned accelerator
    // counted at the best weighted rate of its SKU and bounded by the installed ones (serve, busy, fleet).
    // The LP already implies it; what it adds is one row over whole servers per quarter, on which SCIP's
    // mixed-integer rounding cuts can round the servers up (the demand rows reach servers only through four rows).
    /** Adds the cover rows above, weighted by the duals of an LP relaxation of the model (indexed by row). */
    void coverRows(double[] duals) {
        int[] demandRow = new int[nw * nq];
        Arrays.fill(demandRow, -1);
        for (var row : lp.rows()) {
            if (row.name().startsWith("demand[") && row.index() < duals.length) {
                String[] wq = row.name().substring(7, row.name().length() - 1).split(",");
                demandRow[Integer.parseInt(wq[0]) * nq + Integer.parseInt(wq[1])] = row.index();
            }
        }
        for (int q = 0; q < nq; q++) {
            double rhs = 0;
            double[] a = new double[nk];
            var row = lp.row("cover[" + q + "]", null);
            for (int w = 0; w < nw; w++) {
                int d = demandRow[w * nq + q];
                double pi = d < 0 ? 0 : Math.max(0, duals[d]);
                if (pi <= 0) {
                    continue;
                }
                rhs += pi * p.workloads().get(w).demandIn(q);
                for (int k = 0; k < nk; k++) {
                    if (t.eligible(w, k)) {
                        a[k] = Math.max(a[k], p.catalogue().get(k).acceleratorsPerServer() * pi * t.rate(w, k));
                        row.add(cloud[w][k][q], pi * t.rate(w, k));
                    }
                }
            }
            for (int k = 0; k < nk; k++) {
                if (a[k] <= 0) {
                    continue;
                }
                int life = p.catalogue().get(k).usefulLifeQuarters();
                for (int s = 0; s < ns; s++) {
                    for (int q2 = Math.max(0, q - life + 1); q2 <= q; q2++) {
                        row.add(buy[k][s][q2], a[k]);
                    }
                    row.add(lease[k][s][q], a[k]);
                    List<ExistingServers> fleet = p.sites().get(s).existingFleet();
                    for (int e = 0; e < fleet.size(); e++) {
                        if (fleet.get(e).sku().equals(p.catalogue().get(k).name())) {
                            row.add(keep[s][e][q], a[k]);
                        }
                    }
                }
            }
            if (!row.isEmpty() && rhs > 0) {
                row.atLeast(rhs);
            }
        }
    }

    /**
     * The least site power that could serve a demand on its own: the most power-efficient SKU that can be bought or
     * leased, in the site with the lowest PUE. Only words for an explanation; the model does not use it.
     */
    private String demandText(Workload load, int q, String unit, String powerNeed) {
        return String.format(
                "demand of %s in %s (%,.0f %s%s)", load.name(), p.quarterLabel(q), load.demandIn(q), unit, powerNeed);
    }

    private String powerNeed(int w, double demand) {
        double best = Double.POSITIVE_INFINITY;
        double pue = p.sites().stream().mapToDouble(Site::pue).min().orElse(1.0);
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            if (t.eligible(w, k)
                    && (sku.buyable() || (sku.leasable() && p.policy().allowLease()))) {
                best = Math.min(
                        best, demand / t.rate(w, k) * sku.serverPowerW() / sku.acceleratorsPerServer() * pue / 1e6);
            }
        }
        return Double.isFinite(best) ? "; needs at least " + short4(best) + " MW of site power" : "";
    }
}
