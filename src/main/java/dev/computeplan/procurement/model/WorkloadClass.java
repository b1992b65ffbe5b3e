package dev.computeplan.procurement.model;

import java.util.Map;

/**
 * A kind of workload the throughput catalogue has figures for, in one unit.
 *
 * @param tflops           the unit is sustained model TFLOPS, so PFLOP-day demand and per-vendor efficiency apply
 * @param ratioClass       a class measured on more SKUs whose per-accelerator ratios carry over to this one
 * @param precisionFactors speed at each precision relative to FP16 on the same chip (published, see factorSource)
 */
public record WorkloadClass(
        String name,
        WorkloadType type,
        String unit,
        boolean tflops,
        String ratioClass,
        String description,
        Map<Precision, Double> precisionFactors,
        String factorSource) {

    public WorkloadClass {
        precisionFactors = precisionFactors == null ? Map.of() : Map.copyOf(precisionFactors);
    }

    public Double factor(Precision p) {
        return precisionFactors.get(p);
    }
}
