package dev.computeplan.power.model;

/**
 * What the objective prices. Total = energy cost (if {@code includeEnergyCost}) + co2Price × tCO2
 * + latePenalty × priority × hours late + dropPenalty × priority per dropped job.
 */
public record PowerWeights(
        double co2PriceUsdPerTonne, boolean includeEnergyCost, double latePenaltyUsdPerHour, double dropPenaltyUsd) {

    /** $100/t CO2, energy priced, $10 per late hour, $1,000 per dropped job. */
    public static final PowerWeights DEFAULTS = new PowerWeights(100.0, true, 10.0, 1_000.0);
}
