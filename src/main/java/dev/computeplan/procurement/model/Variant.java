package dev.computeplan.procurement.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A what-if: the same problem with prices or demand scaled, solved beside the base case. Null factor = 1. */
public record Variant(
        @NotBlank @Size(max = 80) String name,
        @Positive @DecimalMax("10") Double purchasePriceFactor,
        @Positive @DecimalMax("10") Double leasePriceFactor,
        @Positive @DecimalMax("10") Double cloudPriceFactor,
        @Positive @DecimalMax("10") Double energyPriceFactor,
        @Positive @DecimalMax("10") Double demandFactor,
        @PositiveOrZero Double carbonUsdPerTonne) {

    public Variant {
        purchasePriceFactor = purchasePriceFactor == null ? 1.0 : purchasePriceFactor;
        leasePriceFactor = leasePriceFactor == null ? 1.0 : leasePriceFactor;
        cloudPriceFactor = cloudPriceFactor == null ? 1.0 : cloudPriceFactor;
        energyPriceFactor = energyPriceFactor == null ? 1.0 : energyPriceFactor;
        demandFactor = demandFactor == null ? 1.0 : demandFactor;
    }
}
