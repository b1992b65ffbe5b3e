package dev.computeplan.procurement.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One accelerator SKU of the catalogue. Prices and embodied carbon are scenario assumptions the user overrides.
 * A null price means "not offered that way" (no purchase, no lease, no cloud); a null availability list means no cap.
 *
 * @param purchaseUsd          price of one accelerator (its share of the server included or not: see serverUsd)
 * @param serverUsd            extra price per server (chassis, CPUs, NICs), 0 if included in purchaseUsd
 * @param serverOverheadFraction server power beyond the accelerators, as a fraction of their board power (0.3 = +30 %)
 * @param serverRackUnits      rack units one server occupies
 * @param availability         accelerators that can be delivered per quarter (index = quarter), null = no cap
 */
public record Sku(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 40) String vendor,
        @NotNull @Positive Double memoryGb,
        @NotNull @Positive Double memoryBandwidthTbs,
        @NotNull @Positive Double bf16Tflops,
        @Positive Double fp8Tflops,
        @NotNull @Positive Double boardPowerW,
        @NotNull @Positive @Max(72) Integer acceleratorsPerServer,
        @NotNull @PositiveOrZero Double interconnectGbs,
        @PositiveOrZero @DecimalMax("5") Double serverOverheadFraction,
        @Positive @Max(60) Integer serverRackUnits,
        @PositiveOrZero Double purchaseUsd,
        @PositiveOrZero Double serverUsd,
        @PositiveOrZero Double leaseUsdPerHour,
        @PositiveOrZero Double cloudUsdPerHour,
        @PositiveOrZero @Max(12) Integer leadTimeQuarters,
        @Positive @Max(40) Integer usefulLifeQuarters,
        @PositiveOrZero Double embodiedKgCo2ePerAccelerator,
        @PositiveOrZero Double opexUsdPerServerQuarter,
        @Size(max = 12) List<@NotNull @PositiveOrZero Double> availability,
        @Size(max = 12) List<@NotNull @PositiveOrZero Double> leaseAvailability,
        @Size(max = 12) List<@NotNull @PositiveOrZero Double> cloudAvailability,
        @Size(max = 500) String assumptions) {

    public Sku {
        serverOverheadFraction = serverOverheadFraction == null ? 0.0 : serverOverheadFraction;
        serverRackUnits = serverRackUnits == null ? 8 : serverRackUnits;
        serverUsd = serverUsd == null ? 0.0 : serverUsd;
        leadTimeQuarters = leadTimeQuarters == null ? 0 : leadTimeQuarters;
        usefulLifeQuarters = usefulLifeQuarters == null ? 20 : usefulLifeQuarters;
        embodiedKgCo2ePerAccelerator = embodiedKgCo2ePerAccelerator == null ? 0.0 : embodiedKgCo2ePerAccelerator;
        opexUsdPerServerQuarter = opexUsdPerServerQuarter == null ? 0.0 : opexUsdPerServerQuarter;
    }

    /** Wall power of one server at full accelerator load, before PUE (W). */
    public double serverPowerW() {
        return acceleratorsPerServer * boardPowerW * (1 + serverOverheadFraction);
    }

    /** Purchase price of one server (USD). */
    public double serverPriceUsd() {
        return acceleratorsPerServer * purchaseUsd + serverUsd;
    }

    public boolean buyable() {
        return purchaseUsd != null;
    }

    public boolean leasable() {
        return leaseUsdPerHour != null;
    }

    public boolean inCloud() {
        return cloudUsdPerHour != null;
    }

    /** Cap of a per-quarter list, or infinity if none. */
    static double capOf(List<Double> caps, int quarter) {
        return caps == null || quarter >= caps.size() ? Double.POSITIVE_INFINITY : caps.get(quarter);
    }

    public double availabilityCap(int quarter) {
        return capOf(availability, quarter);
    }

    public double leaseCap(int quarter) {
        return capOf(leaseAvailability, quarter);
    }

    public double cloudCap(int quarter) {
        return capOf(cloudAvailability, quarter);
    }
}
