package dev.computeplan.power.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What the objective prices. Total = energy cost (if {@code includeEnergyCost}) + co2Price × tCO2
 * + latePenalty × priority × hours late + dropPenalty × priority per dropped job.
 */
public record PowerWeights(
        @PositiveOrZero @DecimalMax("100000") double co2PriceUsdPerTonne,
        boolean includeEnergyCost,
        @PositiveOrZero @DecimalMax("1000000") double latePenaltyUsdPerHour,
        @PositiveOrZero @DecimalMax("100000000") double dropPenaltyUsd) {

    /** $100/t CO2, energy priced, $10 per late hour, $1,000 per dropped job. */
    public static final PowerWeights DEFAULTS = new PowerWeights(100.0, true, 10.0, 1_000.0);
}
