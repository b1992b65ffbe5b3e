package dev.computeplan.procurement.api;

import dev.computeplan.common.Violation;
import dev.computeplan.procurement.model.CatalogueRow;
import dev.computeplan.procurement.model.DemandUnit;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadClass;
import java.util.List;
import java.util.stream.Collectors;

/** Rules on throughput overrides and on the workload class a workload names; paths are the request's JSON paths. */
final class ThroughputChecks {

    private ThroughputChecks() {}

    /** Each override names a SKU of the request and a known class, once per SKU, class and precision. */
    static void overrides(ProcurementProblem p, List<Violation> out) {
        List<CatalogueRow> overrides = p.throughputCatalogue().rows().stream()
                .filter(CatalogueRow::override)
                .toList();
        for (int i = 0; i < overrides.size(); i++) {
            CatalogueRow row = overrides.get(i);
            String path = "$.throughput[" + i + "]";
            if (p.sku(row.sku()) == null) {
                out.add(new Violation(path + ".sku", "unknown SKU '" + row.sku() + "'"));
            }
            if (!known(p, row.workloadClass())) {
                out.add(new Violation(path + ".workloadClass", unknownClass(p, row.workloadClass())));
            }
            for (int j = 0; j < i; j++) {
                if (overrides.get(j).sameKey(row)) {
                    out.add(new Violation(
                            path,
                            "the same SKU, workload class and precision is overridden twice (first at [" + j + "])"));
                }
            }
        }
    }

    /** The class exists, fits the workload's type, and is in TFLOPS when the demand is in PFLOP-days. */
    static void workloadClass(ProcurementProblem p, Workload load, String path, List<Violation> out) {
        WorkloadClass cls = p.throughputCatalogue().workloadClass(load.workloadClass());
        if (cls == null) {
            out.add(new Violation(path + ".workloadClass", unknownClass(p, load.workloadClass())));
            return;
        }
        if (cls.type() != load.type()) {
            out.add(new Violation(
                    path + ".workloadClass",
                    "class '" + cls.name() + "' is a " + cls.type() + " class, the workload is " + load.type()));
        } else if (load.training() && load.demandUnit() == DemandUnit.PFLOP_DAYS && !cls.tflops()) {
            out.add(new Violation(
                    path + ".demandUnit",
                    "class '" + cls.name() + "' is measured in " + cls.unit()
                            + ", not TFLOPS: give the demand in ACCELERATOR_HOURS of a referenceSku"));
        }
    }

    private static boolean known(ProcurementProblem p, String name) {
        return p.throughputCatalogue().workloadClass(name) != null;
    }

    private static String unknownClass(ProcurementProblem p, String name) {
        return "unknown workload class '" + name + "'; known: "
                + p.throughputCatalogue().classes().stream()
                        .map(WorkloadClass::name)
                        .collect(Collectors.joining(", "));
    }
}
