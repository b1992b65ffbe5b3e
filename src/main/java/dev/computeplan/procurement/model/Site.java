package dev.computeplan.procurement.model;

import java.util.List;

/**
 * A data-centre site. Per-quarter lists are indexed by quarter and must have one entry per quarter of the horizon.
 *
 * @param powerMw          facility power available to accelerator servers, including cooling (so PUE counts), MW
 * @param rackUnits        rack units available for accelerator servers
 * @param capexBudgetUsd   purchases delivered to this site per quarter may not cost more; null = no site budget
 * @param carbonGPerKwh    grid carbon intensity, gCO2e per kWh
 */
public record Site(
        String name,
        List<Double> powerMw,
        List<Double> rackUnits,
        Double pue,
        Double electricityUsdPerKwh,
        Double carbonGPerKwh,
        List<Double> capexBudgetUsd,
        List<ExistingServers> existingFleet) {

    public Site {
        existingFleet = existingFleet == null ? List.of() : existingFleet;
    }

    public double budgetCap(int quarter) {
        return Sku.capOf(capexBudgetUsd, quarter);
    }
}
