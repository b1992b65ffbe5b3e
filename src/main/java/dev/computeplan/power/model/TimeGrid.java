package dev.computeplan.power.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The planning horizon: {@code steps} steps of {@code stepMinutes} from {@code start} (local time of the series).
 * Per step lists have exactly {@code steps} entries; a null price means 0, a null cap means no cap, a null base
 * load means 0. A named carbon series of the request is already resolved into {@code carbonGPerKwh} here.
 *
 * @param carbonGPerKwh  grid carbon intensity per step, gCO2/kWh
 * @param priceUsdPerMwh electricity price per step, $/MWh
 * @param capKw          site power cap per step, kW (the contract or transformer limit)
 * @param baseLoadKw     non-shiftable load per step, kW; jobs share {@code cap - baseLoad}
 */
public record TimeGrid(
        LocalDateTime start,
        int stepMinutes,
        int steps,
        List<Double> carbonGPerKwh,
        List<Double> priceUsdPerMwh,
        List<Double> capKw,
        List<Double> baseLoadKw) {

    public LocalDateTime end() {
        return start.plusMinutes((long) stepMinutes * steps);
    }

    public double stepHours() {
        return stepMinutes / 60.0;
    }
}
