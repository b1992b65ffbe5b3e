package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.MeasuredThroughput;
import dev.computeplan.procurement.model.Policy;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.model.Sku;
import dev.computeplan.procurement.model.Throughput;
import dev.computeplan.procurement.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The rules of a request that shut options out of the model rather than bound them: leasing and cloud switched off
 * (for all, or for one workload), and a training workload's minimum memory, minimum interconnect and FP8-only
 * precision, which keep SKUs (existing ones too) from serving it. Each is a switch a planner can turn, with the
 * request it gives when turned.
 */
final class PolicySwitches {

    /** A rule, in the planner's words, and the request with the rule lifted. */
    record Switch(String key, String description, UnaryOperator<ProcurementProblem> lift) {}

    private PolicySwitches() {}

    static List<Switch> of(ProcurementProblem p) {
        List<Switch> out = new ArrayList<>();
        if (!p.policy().allowLease()) {
            out.add(new Switch(
                    "policy:lease", "leasing is switched off (policy allowLease: false)", x -> policy(x, true, null)));
        }
        if (!p.policy().allowCloud()) {
            out.add(new Switch(
                    "policy:cloud",
                    "cloud burst is switched off (policy allowCloud: false)",
                    x -> policy(x, null, true)));
        }
        for (int w = 0; w < p.workloads().size(); w++) {
            Workload load = p.workloads().get(w);
            int index = w;
            if (!load.allowCloud()) {
                out.add(new Switch(
                        "cloud:" + w,
                        load.name() + " may not use cloud (allowCloud: false)",
                        x -> workload(x, index, l -> copy(l, l.minMemoryGb(), l.minInterconnectGbs(), true))));
            }
            if (!load.training()) {
                continue;
            }
            if (load.minMemoryGb() > 0) {
                out.add(new Switch(
                        "memory:" + w,
                        String.format(
                                "%s needs at least %,.0f GB of accelerator memory", load.name(), load.minMemoryGb()),
                        x -> workload(x, index, l -> copy(l, 0.0, l.minInterconnectGbs(), l.allowCloud()))));
            }
            if (load.minInterconnectGbs() > 0) {
                out.add(new Switch(
                        "interconnect:" + w,
                        String.format(
                                "%s needs at least %,.0f GB/s interconnect", load.name(), load.minInterconnectGbs()),
                        x -> workload(x, index, l -> copy(l, l.minMemoryGb(), 0.0, l.allowCloud()))));
            }
            if (load.trainingPrecision() == Precision.FP8) {
                out.add(new Switch(
                        "fp8:" + w,
                        load.name() + " trains at FP8 only (SKUs without FP8 may not train it at BF16)",
                        x -> workload(x, index, l -> bf16Allowed(x, index, l))));
            }
        }
        return out;
    }

    /** The request with every switch turned. */
    static ProcurementProblem liftAll(ProcurementProblem p, List<Switch> switches) {
        ProcurementProblem out = p;
        for (Switch s : switches) {
            out = s.lift().apply(out);
        }
        return out;
    }

    private static ProcurementProblem policy(ProcurementProblem p, Boolean lease, Boolean cloud) {
        Policy o = p.policy();
        Policy changed = new Policy(
                o.discountRatePerYear(),
                o.carbonUsdPerTonne(),
                o.maxVendorShare(),
                lease == null ? o.allowLease() : lease,
                cloud == null ? o.allowCloud() : cloud,
                o.cloudCarbonGPerKwh(),
                o.cloudPue(),
                o.mfu(),
                o.idlePowerFraction(),
                o.usableMemoryFraction(),
                o.capexBudgetUsd());
        return new ProcurementProblem(
                p.horizonQuarters(),
                p.firstQuarter(),
                p.catalogue(),
                p.sites(),
                p.workloads(),
                changed,
                p.variants(),
                p.throughputCatalogue());
    }

    private static ProcurementProblem workload(ProcurementProblem p, int w, UnaryOperator<Workload> change) {
        List<Workload> loads = new ArrayList<>(p.workloads());
        loads.set(w, change.apply(loads.get(w)));
        return p.withWorkloads(loads);
    }

    private static Workload copy(Workload l, Double minMemory, Double minInterconnect, Boolean cloud) {
        return new Workload(
                l.name(),
                l.type(),
                l.demand(),
                l.demandUnit(),
                l.referenceSku(),
                minMemory,
                minInterconnect,
                l.trainingPrecision(),
                l.modelParamsBillions(),
                l.kvCacheGbPerReplica(),
                l.precisions(),
                l.measuredPrecision(),
                l.decodeShare(),
                l.measured(),
                cloud,
                l.workloadClass());
    }

    /**
     * FP8 where a SKU has it, BF16 where it does not: the workload at BF16 with the FP8 speed of every FP8 SKU given as
     * if measured, so those SKUs keep exactly the rate they had and only the others are added.
     */
    private static Workload bf16Allowed(ProcurementProblem p, int w, Workload l) {
        Throughput t = Throughput.of(p);
        List<MeasuredThroughput> measured = new ArrayList<>(l.measured());
        for (int k = 0; k < p.catalogue().size(); k++) {
            Sku sku = p.catalogue().get(k);
            boolean known = l.measured().stream().anyMatch(m -> m.sku().equals(sku.name()));
            if (!known && Precision.FP8.supportedBy(sku) && t.eligible(w, k)) {
                measured.add(new MeasuredThroughput(sku.name(), t.perAccelerator(w, k), "FP8 speed kept"));
            }
        }
        return l.withMeasured(Precision.FP16, measured);
    }
}
