package dev.computeplan.procurement.model;

/**
 * One outcome of an uncertain future with its probability: demand and prices scaled, every lead time slipped by
 * whole quarters. Null factor = 1, null slip = 0.
 */
public record Scenario(
        String name,
        Double probability,
        Double purchasePriceFactor,
        Double leasePriceFactor,
        Double cloudPriceFactor,
        Double energyPriceFactor,
        Double demandFactor,
        Integer leadTimeSlipQuarters) {

    /** The scenario as a what-if on the base problem. */
    public Variant variant() {
        return new Variant(
                name,
                purchasePriceFactor,
                leasePriceFactor,
                cloudPriceFactor,
                energyPriceFactor,
                demandFactor,
                null,
                leadTimeSlipQuarters);
    }
}
