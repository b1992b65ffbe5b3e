package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.solver.LinearProgram.Requirement;
import java.util.LinkedHashSet;
import java.util.Set;

/** Supply: delivery, lease and cloud caps, lead times, and the vendor-diversity rule. */
final class SupplyRows extends ModelPart {

    SupplyRows(ModelPart model) {
        super(model);
    }

    void add() {
        supplyAndLeadTimes();
        vendorDiversity();
    }

    // supply[k,q]:      sum_s n_k * buy[k,s,q] <= A[k,q]
    // leaseSupply[k,q]: sum_s n_k * lease[k,s,q] <= A^lease[k,q]
    // cloudSupply[k,q]: sum_w cloud[w,k,q] <= A^cloud[k,q]
    // lead[k,s,q]:      buy[k,s,q] <= 0 for q < lead time of k (an order placed now arrives in quarter lead time)
    private void supplyAndLeadTimes() {
        for (int k = 0; k < nk; k++) {
            Sku sku = p.catalogue().get(k);
            int n = sku.acceleratorsPerServer();
            for (int q = 0; q < nq; q++) {
                String when = sku.name() + " in " + p.quarterLabel(q);
                var supply = lp.row(
                        "supply[" + k + "," + q + "]",
                        new Requirement(
                                "supply:" + k + ":" + q,
                                String.format(
                                        "delivery cap of %s (%,.0f accelerators)", when, sku.availabilityCap(q))));
                var leased = lp.row(
                        "leaseSupply[" + k + "," + q + "]",
                        new Requirement(
                                "leaseSupply:" + k + ":" + q,
                                String.format("lease cap of %s (%,.0f accelerators)", when, sku.leaseCap(q))));
                var rented = lp.row(
                        "cloudSupply[" + k + "," + q + "]",
                        new Requirement(
                                "cloudSupply:" + k + ":" + q,
                                String.format("cloud cap of %s (%,.0f accelerators)", when, sku.cloudCap(q))));
                for (int s = 0; s < ns; s++) {
                    supply.add(buy[k][s][q], n);
                    leased.add(lease[k][s][q], n);
                }
                for (int w = 0; w < nw; w++) {
                    rented.add(cloud[w][k][q], 1);
                }
                if (!supply.isEmpty() && Double.isFinite(sku.availabilityCap(q))) {
                    supply.unit("accelerator of " + when + " deliveries", 1).atMost(sku.availabilityCap(q));
                }
                if (!leased.isEmpty() && Double.isFinite(sku.leaseCap(q))) {
                    leased.unit("leased accelerator of " + when, 1).atMost(sku.leaseCap(q));
                }
                if (!rented.isEmpty() && Double.isFinite(sku.cloudCap(q))) {
                    rented.unit("cloud accelerator of " + when, 1).atMost(sku.cloudCap(q));
                }
            }
            Requirement lead = new Requirement(
                    "lead:" + k,
                    String.format(
                            "lead time of %s (%d quarter%s: first delivery in %s)",
                            sku.name(),
                            sku.leadTimeQuarters(),
                            sku.leadTimeQuarters() == 1 ? "" : "s",
                            p.quarterLabel(sku.leadTimeQuarters())));
            for (int s = 0; s < ns; s++) {
                for (int q = 0; q < Math.min(nq, sku.leadTimeQuarters()); q++) {
                    if (buy[k][s][q] >= 0) {
                        lp.row("lead[" + k + "," + s + "," + q + "]", lead)
                                .add(buy[k][s][q], 1)
                                .atMost(0);
                    }
                }
            }
        }
    }

    // vendor[v]: sum_{k of v,s,q} F_k n_k buy[k,s,q] <= x * sum_{k,s,q} F_k n_k buy[k,s,q]   (F_k = BF16 TFLOPS)
    private void vendorDiversity() {
        double share = p.policy().maxVendorShare();
        if (share >= 1.0) {
            return;
        }
        Set<String> vendors = new LinkedHashSet<>();
        p.catalogue().stream().filter(Sku::buyable).forEach(sku -> vendors.add(sku.vendor()));
        for (String vendor : vendors) {
            var row = lp.row(
                    "vendor[" + vendor + "]",
                    new Requirement(
                            "vendor:" + vendor,
                            String.format(
                                    "vendor diversity: at most %.0f%% of purchased TFLOPS from %s",
                                    100 * share, vendor)));
            for (int k = 0; k < nk; k++) {
                Sku sku = p.catalogue().get(k);
                double f = sku.bf16Tflops() * sku.acceleratorsPerServer();
                double coef = (sku.vendor().equals(vendor) ? f : 0) - share * f;
                for (int s = 0; s < ns; s++) {
                    for (int q = 0; q < nq; q++) {
                        row.add(buy[k][s][q], coef);
                    }
                }
            }
            if (!row.isEmpty()) {
                row.atMost(0);
            }
        }
    }
}
