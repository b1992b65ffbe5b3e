package dev.computeplan.procurement.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
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
        @NotBlank @Size(max = 80) String name,
        @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> powerMw,
        @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> rackUnits,
        @NotNull @DecimalMin("1.0") @DecimalMax("3.0") Double pue,
        @NotNull @PositiveOrZero Double electricityUsdPerKwh,
        @NotNull @PositiveOrZero Double carbonGPerKwh,
        @Size(max = 12) List<@NotNull @PositiveOrZero Double> capexBudgetUsd,
        @Valid @Size(max = 1000) List<@NotNull ExistingServers> existingFleet) {

    public Site {
        existingFleet = existingFleet == null ? List.of() : existingFleet;
    }

    public double budgetCap(int quarter) {
        return Sku.capOf(capexBudgetUsd, quarter);
    }
}
