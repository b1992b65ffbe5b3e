package dev.computeplan.procurement.model;

/** A what-if: the same problem with prices or demand scaled, solved beside the base case. Null factor = 1. */
public record Variant(
        String name,
        Double purchasePriceFactor,
        Double leasePriceFactor,
        Double cloudPriceFactor,
        Double energyPriceFactor,
        Double demandFactor,
        Double carbonUsdPerTonne) {

    public Variant {
        purchasePriceFactor = purchasePriceFactor == null ? 1.0 : purchasePriceFactor;
        leasePriceFactor = leasePriceFactor == null ? 1.0 : leasePriceFactor;
        cloudPriceFactor = cloudPriceFactor == null ? 1.0 : cloudPriceFactor;
        energyPriceFactor = energyPriceFactor == null ? 1.0 : energyPriceFactor;
        demandFactor = demandFactor == null ? 1.0 : demandFactor;
    }
}
