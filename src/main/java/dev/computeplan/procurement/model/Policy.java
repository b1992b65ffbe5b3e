package dev.computeplan.procurement.model;

import java.util.List;

/**
 * Company-wide rules and prices.
 *
 * @param maxVendorShare      no vendor may supply more than this share of the BF16 TFLOPS bought in the horizon (1 = no rule)
 * @param mfu                 sustained fraction of peak TFLOPS to assume where the throughput catalogue has no figure
 *                            for a SKU (null = the catalogue's per-vendor efficiency)
 * @param idlePowerFraction   an idle accelerator draws this fraction of its board power
 * @param usableMemoryFraction share of accelerator memory usable for weights and KV cache
 * @param capexBudgetUsd      purchases delivered per quarter (all sites) may not cost more; null = no company budget
 */
public record Policy(
        Double discountRatePerYear,
        Double carbonUsdPerTonne,
        Double maxVendorShare,
        Boolean allowLease,
        Boolean allowCloud,
        Double cloudCarbonGPerKwh,
        Double cloudPue,
        Double mfu,
        Double idlePowerFraction,
        Double usableMemoryFraction,
        List<Double> capexBudgetUsd) {

    public Policy {
        discountRatePerYear = discountRatePerYear == null ? 0.08 : discountRatePerYear;
        carbonUsdPerTonne = carbonUsdPerTonne == null ? 0.0 : carbonUsdPerTonne;
        maxVendorShare = maxVendorShare == null ? 1.0 : maxVendorShare;
        allowLease = allowLease == null ? Boolean.TRUE : allowLease;
        allowCloud = allowCloud == null ? Boolean.TRUE : allowCloud;
        cloudCarbonGPerKwh = cloudCarbonGPerKwh == null ? 400.0 : cloudCarbonGPerKwh;
        cloudPue = cloudPue == null ? 1.2 : cloudPue;
        idlePowerFraction = idlePowerFraction == null ? 0.2 : idlePowerFraction;
        usableMemoryFraction = usableMemoryFraction == null ? 0.9 : usableMemoryFraction;
    }

    public static Policy defaults() {
        return new Policy(null, null, null, null, null, null, null, null, null, null, null);
    }

    public double budgetCap(int quarter) {
        return Sku.capOf(capexBudgetUsd, quarter);
    }
}
