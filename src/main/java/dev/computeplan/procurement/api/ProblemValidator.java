package dev.computeplan.procurement.api;

import dev.computeplan.common.Violation;
import dev.computeplan.procurement.model.DemandUnit;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Site;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import dev.computeplan.procurement.model.WorkloadClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules of a procurement request that Bean Validation cannot express: references, list lengths, duplicates. It reads
 * the mapped problem (defaults filled in); its indices are the request's, so the paths are JSON paths of the request.
 */
public final class ProblemValidator {

    private ProblemValidator() {}

    public static List<Violation> validate(ProcurementProblem p) {
        List<Violation> out = new ArrayList<>();
        int horizon = p.horizonQuarters();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < p.catalogue().size(); k++) {
            Sku sku = p.catalogue().get(k);
            String path = "$.catalogue[" + k + "]";
            if (!names.add(sku.name())) {
                out.add(new Violation(path + ".name", "duplicate SKU name '" + sku.name() + "'"));
            }
            optionalLength(out, path + ".availability", sku.availability(), horizon);
            optionalLength(out, path + ".leaseAvailability", sku.leaseAvailability(), horizon);
            optionalLength(out, path + ".cloudAvailability", sku.cloudAvailability(), horizon);
        }
        names.clear();
        for (int s = 0; s < p.sites().size(); s++) {
            Site site = p.sites().get(s);
            String path = "$.sites[" + s + "]";
            if (!names.add(site.name())) {
                out.add(new Violation(path + ".name", "duplicate site name '" + site.name() + "'"));
            }
            length(out, path + ".powerMw", site.powerMw(), horizon);
            length(out, path + ".rackUnits", site.rackUnits(), horizon);
            optionalLength(out, path + ".capexBudgetUsd", site.capexBudgetUsd(), horizon);
            for (int e = 0; e < site.existingFleet().size(); e++) {
                String sku = site.existingFleet().get(e).sku();
                if (p.sku(sku) == null) {
                    out.add(new Violation(path + ".existingFleet[" + e + "].sku", "unknown SKU '" + sku + "'"));
                }
            }
        }
        optionalLength(out, "$.policy.capexBudgetUsd", p.policy().capexBudgetUsd(), horizon);
        ThroughputChecks.overrides(p, out);
        names.clear();
        for (int w = 0; w < p.workloads().size(); w++) {
            workload(p, w, names, out);
        }
        names.clear();
        for (int v = 0; v < p.variants().size(); v++) {
            if (!names.add(p.variants().get(v).name())) {
                out.add(new Violation("$.variants[" + v + "].name", "duplicate variant name"));
            }
        }
        scenarios(p, out);
        if (out.isEmpty()) {
            eligibility(p, out);
        }
        return out;
    }

    private static void scenarios(ProcurementProblem p, List<Violation> out) {
        if (p.twoStage() == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        double total = 0;
        for (int s = 0; s < p.twoStage().scenarios().size(); s++) {
            var scenario = p.twoStage().scenarios().get(s);
            if (!names.add(scenario.name())) {
                out.add(new Violation("$.twoStage.scenarios[" + s + "].name", "duplicate scenario name"));
            }
            total += scenario.probability();
        }
        if (Math.abs(total - 1) > 1e-6) {
            out.add(new Violation("$.twoStage.scenarios", "probabilities add up to " + total + ", not 1"));
        }
        if (p.twoStage().firstStageQuarters() > p.horizonQuarters()) {
            out.add(new Violation("$.twoStage.firstStageQuarters", "longer than the horizon"));
        }
    }

    private static void workload(ProcurementProblem p, int w, Set<String> names, List<Violation> out) {
        Workload load = p.workloads().get(w);
        String path = "$.workloads[" + w + "]";
        if (!names.add(load.name())) {
            out.add(new Violation(path + ".name", "duplicate workload name '" + load.name() + "'"));
        }
        length(out, path + ".demand", load.demand(), p.horizonQuarters());
        ThroughputChecks.workloadClass(p, load, path, out);
        for (int m = 0; m < load.measured().size(); m++) {
            String sku = load.measured().get(m).sku();
            if (p.sku(sku) == null) {
                out.add(new Violation(path + ".measured[" + m + "].sku", "unknown SKU '" + sku + "'"));
            }
        }
        Set<String> measuredSkus = new HashSet<>();
        for (int m = 0; m < load.measured().size(); m++) {
            if (!measuredSkus.add(load.measured().get(m).sku())) {
                out.add(new Violation(path + ".measured[" + m + "].sku", "SKU measured twice"));
            }
        }
        if (load.training()) {
            if (load.demandUnit() == DemandUnit.ACCELERATOR_HOURS) {
                if (load.referenceSku() == null || p.sku(load.referenceSku()) == null) {
                    out.add(new Violation(
                            path + ".referenceSku", "accelerator-hour demand needs a known referenceSku"));
                }
            }
            return;
        }
        if (load.modelParamsBillions() == null) {
            out.add(new Violation(path + ".modelParamsBillions", "an inference service needs its model size"));
        }
        Set<Precision> seen = new HashSet<>();
        for (int i = 0; i < load.precisions().size(); i++) {
            if (!seen.add(load.precisions().get(i).precision())) {
                out.add(new Violation(path + ".precisions[" + i + "]", "precision listed twice"));
            }
        }
        WorkloadClass cls = p.throughputCatalogue().workloadClass(load.workloadClass());
        boolean factorKnown = cls != null && cls.factor(load.measuredPrecision()) != null;
        if (!load.measured().isEmpty() && !seen.contains(load.measuredPrecision()) && !factorKnown) {
            out.add(new Violation(
                    path + ".measuredPrecision",
                    "the measured precision " + load.measuredPrecision()
                            + " must be one of the listed precisions (its speed factor is needed)"));
        }
    }

    /** A workload with demand that no SKU can serve is an input error, not a planning conflict. */
    private static void eligibility(ProcurementProblem p, List<Violation> out) {
        Throughput t = Throughput.of(p);
        for (int w = 0; w < p.workloads().size(); w++) {
            Workload load = p.workloads().get(w);
            boolean anyDemand = load.demand().stream().anyMatch(d -> d > 0);
            boolean any = false;
            for (int k = 0; k < p.catalogue().size(); k++) {
                Sku sku = p.catalogue().get(k);
                any |= t.eligible(w, k)
                        && (sku.buyable() || sku.leasable() || sku.inCloud() || existsAnywhere(p, sku.name()));
            }
            if (anyDemand && !any) {
                out.add(new Violation(
                        "$.workloads[" + w + "]",
                        "no SKU that can be bought, leased or rented can serve '" + load.name()
                                + "' (memory, interconnect or precision requirements)"));
            }
        }
    }

    private static boolean existsAnywhere(ProcurementProblem p, String sku) {
        return p.sites().stream()
                .anyMatch(s -> s.existingFleet().stream().anyMatch(e -> e.sku().equals(sku)));
    }

    private static void length(List<Violation> out, String path, List<?> list, int horizon) {
        if (list != null && list.size() != horizon) {
            out.add(new Violation(path, "needs one value per quarter (" + horizon + "), has " + list.size()));
        }
    }

    private static void optionalLength(List<Violation> out, String path, List<?> list, int horizon) {
        length(out, path, list, horizon);
    }
}
