package dev.computeplan.procurement.explain;

import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import java.util.List;
import java.util.Map;

/** Why a procurement plan is what it is; every list is plain data a UI can show as it is. */
public record Explanation(
        PlanStatus status,
        String summary,
        List<String> checks,
        CostBreakdown costs,
        List<PurchaseUse> purchases,
        List<PoolUse> utilisation,
        List<String> derivedThroughput,
        List<Binding> binding,
        List<String> conflict,
        List<ProcurementPlan.Repair> repairs,
        List<VariantRow> variants,
        List<ThroughputUse> throughputUsed) {

    /**
     * The throughput figure a workload used on a SKU that serves it in the plan: per accelerator in the class's unit,
     * at which precision, measured or derived, and its source.
     */
    public record ThroughputUse(
            String workload,
            String sku,
            String workloadClass,
            String precision,
            double perAccelerator,
            String unit,
            String basis,
            String source) {}

    /** Discounted USD by site, quarter, SKU and cost type; lifecycle tCO2e by carbon type. */
    public record CostBreakdown(
            Map<String, Double> bySite,
            Map<String, Double> byQuarter,
            Map<String, Double> bySku,
            Map<String, Double> byType,
            Map<String, Double> tonnesByType,
            double totalUsd) {}

    /** A purchase and the mean share of its SKU's accelerators in that site that are busy while it is in service. */
    public record PurchaseUse(
            String sku, String site, String quarter, int servers, double meanUtilisation, String sentence) {}

    /** Installed and busy accelerators of one SKU in one site and quarter. */
    public record PoolUse(
            String sku,
            String site,
            String quarter,
            int installedAccelerators,
            double busyAccelerators,
            double utilisation) {}

    /**
     * A binding constraint and what more of it is worth (discounted USD). Method "LP dual (integers fixed)" is GLOP's
     * shadow price with every integer decision fixed; "MIP re-solve" is the exact difference of MIP solves started from
     * the plan. For re-solved limits: {@code slack} is what is left of the limit (in {@code unit}s: zero, or less than
     * one more server of any kind needs), {@code wholeSavingUsd} what lifting the limit entirely saves, and
     * {@code incrementForWholeSaving} the smallest increase (in {@code unit}s) found to capture that whole saving: over
     * that range the limit is worth {@code usdPerUnitInRange} per unit on average, beyond it nothing more.
     */
    public record Binding(
            String constraint,
            String unit,
            double usdPerUnit,
            String method,
            String sentence,
            Double slack,
            Double wholeSavingUsd,
            Double incrementForWholeSaving,
            Double usdPerUnitInRange) {

        /** A binding row with a shadow price only. */
        public Binding(String constraint, String unit, double usdPerUnit, String method, String sentence) {
            this(constraint, unit, usdPerUnit, method, sentence, null, null, null, null);
        }
    }

    /** One row of the what-if table. */
    public record VariantRow(
            String name,
            PlanStatus status,
            Double objectiveUsd,
            Double changeVsBasePercent,
            Map<String, Integer> acceleratorsBoughtBySku,
            Map<String, Integer> acceleratorsBoughtBySite,
            Double cloudAcceleratorQuarters,
            Double lifecycleTonnes,
            Boolean withinTolerance,
            String reading) {}
}
