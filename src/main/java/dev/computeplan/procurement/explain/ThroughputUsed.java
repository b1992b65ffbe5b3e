package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which throughput row each workload used on each SKU the plan assigns to it (owned or cloud). */
final class ThroughputUsed {

    private ThroughputUsed() {}

    static List<Explanation.ThroughputUse> of(ProcurementProblem problem, ProcurementPlan plan) {
        Set<String> pairs = new LinkedHashSet<>();
        plan.assignments().stream()
                .filter(a -> a.accelerators() > 1e-9)
                .forEach(a -> pairs.add(a.workload() + "\u0000" + a.sku()));
        Throughput t = Throughput.of(problem);
        List<Explanation.ThroughputUse> out = new ArrayList<>();
        for (String pair : pairs) {
            String[] names = pair.split("\u0000", 2);
            int w = problem.workloadIndex(names[0]);
            int k = problem.skuIndex(names[1]);
            if (w < 0 || k < 0 || !t.eligible(w, k)) {
                continue;
            }
            Workload load = problem.workloads().get(w);
            out.add(new Explanation.ThroughputUse(
                    load.name(),
                    names[1],
                    load.workloadClass(),
                    String.valueOf(t.precision(w, k)),
                    t.perAccelerator(w, k),
                    problem.throughputCatalogue()
                            .workloadClass(load.workloadClass())
                            .unit(),
                    t.basis(w, k).name().toLowerCase(Locale.ROOT),
                    t.source(w, k)));
        }
        return out;
    }
}
