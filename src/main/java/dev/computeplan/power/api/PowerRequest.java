package dev.computeplan.power.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The request body of kind {@code power} (without {@code termination}): when each job runs and at which GPU power
 * limit, under a site power cap, for least cost and CO2. {@link PowerMapper} turns it into the solver's model.
 *
 * @param grid    the time grid with carbon intensity, price, cap and base load per step
 * @param jobs    the jobs to schedule
 * @param weights objective weights; omitted means the model's defaults
 */
public record PowerRequest(
        @NotNull @Valid TimeGrid grid,
        @NotNull @Size(min = 1, max = 20_000) List<@NotNull @Valid PowerJob> jobs,
        @Valid PowerWeights weights) {

    /**
     * The planning horizon: {@code steps} steps of {@code stepMinutes} from {@code start} (local time of the series).
     * Per step lists must have exactly {@code steps} entries; omitted price means 0, omitted cap means no cap,
     * omitted base load means 0.
     *
     * @param carbonGPerKwh  grid carbon intensity per step, gCO2/kWh; or give {@code carbonSeries} instead
     * @param carbonSeries   a named measured series ({@code ger}, {@code gb}, {@code fr}) bundled with the service,
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
            @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> baseLoadKw) {}

    /**
     * A job to place in time. Release and deadline lie on the grid; the job must finish by its deadline
     * unless {@code mayBeLate} (penalised per hour), or be dropped if {@code mayBeDropped} (penalised once).
     *
     * @param workGpuHours  work in GPU-hours at full speed; runtime at a level = work / (gpus × speed)
     * @param interruptible may pause at step boundaries; each resume costs {@code checkpointOverheadMinutes}
     * @param minRunMinutes interruptible only: every run lasts at least this long
     * @param levels        allowed power limits; omit to use the default curve of {@code gpuModel}
     * @param gpuModel      a known GPU for the default curve, used when levels are omitted
     * @param priority      multiplies the late and drop penalties
     */
    public record PowerJob(
            @NotBlank @Size(max = 200) String id,
            @NotNull LocalDateTime release,
            @NotNull LocalDateTime deadline,
            @Positive @DecimalMax("10000000") double workGpuHours,
            @Min(1) @Max(100_000) int gpus,
            boolean interruptible,
            @Min(0) @Max(100_000) int minRunMinutes,
            @Min(0) @Max(100_000) int checkpointOverheadMinutes,
            @Size(max = 16) List<@NotNull @Valid PowerLevel> levels,
            String gpuModel,
            @Min(1) @Max(1000) int priority,
            boolean mayBeLate,
            boolean mayBeDropped) {}

    /**
     * One allowed GPU power limit of a job.
     *
     * @param name          e.g. {@code 250W}
     * @param relativeSpeed throughput relative to full power (1.0 = full speed)
     * @param powerW        average draw per GPU at this limit, W (a capped, compute-bound GPU draws ~0.96 × its cap)
     */
    public record PowerLevel(
            @NotBlank String name,

            @DecimalMin(value = "0.05") @DecimalMax(value = "2.0")
            double relativeSpeed,

            @Positive @DecimalMax(value = "10000") double powerW) {}

    /**
     * What the objective prices. Total = energy cost (if {@code includeEnergyCost}) + co2Price × tCO2
     * + latePenalty × priority × hours late + dropPenalty × priority per dropped job.
     */
    public record PowerWeights(
            @PositiveOrZero @DecimalMax("100000") double co2PriceUsdPerTonne,
            boolean includeEnergyCost,
            @PositiveOrZero @DecimalMax("1000000") double latePenaltyUsdPerHour,
            @PositiveOrZero @DecimalMax("100000000") double dropPenaltyUsd) {}
}
