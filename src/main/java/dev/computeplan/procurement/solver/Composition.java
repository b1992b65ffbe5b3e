package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.ProcurementPlan;
import java.util.Map;
import java.util.TreeMap;

/** What a plan buys, per SKU and per site, and the cloud accelerator-quarters it rents. */
record Composition(Map<String, Integer> bySku, Map<String, Integer> bySite, double cloudAcceleratorQuarters) {

    static Composition of(ProcurementPlan plan) {
        Map<String, Integer> bySku = new TreeMap<>();
        Map<String, Integer> bySite = new TreeMap<>();
        plan.purchases().forEach(b -> {
            bySku.merge(b.sku(), b.accelerators(), Integer::sum);
            bySite.merge(b.site(), b.accelerators(), Integer::sum);
        });
        double cloud = plan.assignments().stream()
                .filter(a -> "CLOUD".equals(a.source()))
                .mapToDouble(ProcurementPlan.Assignment::accelerators)
                .sum();
        return new Composition(bySku, bySite, cloud);
    }
}
