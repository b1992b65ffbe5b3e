package dev.computeplan.power.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The planning horizon: {@code steps} steps of {@code stepMinutes} from {@code start} (local time of the series).
 * Per step lists must have exactly {@code steps} entries; omitted price means 0, omitted cap means no cap,
 * omitted base load means 0.
 *
 * @param carbonGPerKwh  grid carbon intensity per step, gCO2/kWh; or give {@code carbonSeries} instead
 * @param carbonSeries   a named measured series ({@code ger}, {@code gb}, {@code fr}) from the shared carbon data,
 *                       sampled at each step start
 * @param priceUsdPerMwh electricity price per step, $/MWh
 * @param capKw          site power cap per step, kW (the contract or transformer limit)
 * @param baseLoadKw     non-shiftable load per step, kW; jobs share {@code cap - baseLoad}
 */
public record TimeGrid(
        @NotNull LocalDateTime start,
        @Min(1) @Max(1440) int stepMinutes,
        @Min(1) @Max(100_000) int steps,
        @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> carbonGPerKwh,
        String carbonSeries,
        @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> priceUsdPerMwh,
        @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> capKw,
        @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> baseLoadKw) {

    public LocalDateTime end() {
        return start.plusMinutes((long) stepMinutes * steps);
    }

    public double stepHours() {
        return stepMinutes / 60.0;
    }
}
