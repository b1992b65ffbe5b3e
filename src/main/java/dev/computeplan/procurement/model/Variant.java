package dev.computeplan.procurement.model;

/**
 * A what-if: the same problem with prices or demand scaled, or every lead time longer by a slip, solved beside the
 * base case. Null factor = 1, null slip = 0.
 */
public record Variant(
        String name,
        Double purchasePriceFactor,
        Double leasePriceFactor,
        Double cloudPriceFactor,
        Double energyPriceFactor,
        Double demandFactor,
        Double carbonUsdPerTonne,
        Integer leadTimeSlipQuarters) {

    public Variant {
        purchasePriceFactor = purchasePriceFactor == null ? 1.0 : purchasePriceFactor;
        leasePriceFactor = leasePriceFactor == null ? 1.0 : leasePriceFactor;
        cloudPriceFactor = cloudPriceFactor == null ? 1.0 : cloudPriceFactor;
        energyPriceFactor = energyPriceFactor == null ? 1.0 : energyPriceFactor;
        demandFactor = demandFactor == null ? 1.0 : demandFactor;
        leadTimeSlipQuarters = leadTimeSlipQuarters == null ? 0 : leadTimeSlipQuarters;
    }

    /** A what-if without a lead-time slip. */
    public Variant(
            String name,
            Double purchasePriceFactor,
            Double leasePriceFactor,
            Double cloudPriceFactor,
            Double energyPriceFactor,
            Double demandFactor,
            Double carbonUsdPerTonne) {
        this(
                name,
                purchasePriceFactor,
                leasePriceFactor,
                cloudPriceFactor,
                energyPriceFactor,
                demandFactor,
                carbonUsdPerTonne,
                0);
    }
}
