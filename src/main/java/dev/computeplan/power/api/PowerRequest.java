package dev.computeplan.power.api;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;
import static dev.computeplan.common.WireText.emptyAsAbsent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The request body of kind {@code power} (without {@code termination}): when each job runs and at which GPU power
 * limit, under a site power cap, for least cost and CO2. {@link PowerMapper} turns it into the solver's model.
 * Date-times are local ISO 8601 date-times without offset ({@code 2026-06-01T00:00}). An optional field that is
 * absent or null takes its stated default; an empty optional list means the same as an absent one. Ids and names
 * have at most 128 characters and no control characters.
 *
 * @param grid    the time grid with carbon intensity, price, cap and base load per step
 * @param jobs    the jobs to schedule
 * @param weights objective weights; omitted means the model's defaults
 * @param site    GPU inventory, server overhead and PUE; omitted means the GPU boards alone, no GPU limit, PUE 1
 */
public record PowerRequest(
        @NotNull @Valid TimeGrid grid,
        @NotNull @Size(min = 1, max = 20_000) List<@NotNull @Valid PowerJob> jobs,
        @Valid PowerWeights weights,
        @Valid Site site) {

    public PowerRequest(TimeGrid grid, List<PowerJob> jobs, PowerWeights weights) {
        this(grid, jobs, weights, null);
    }

    /**
     * The site around the GPUs. Facility power at step t = PUE_t × (baseLoad_t + idle draw of the inventory + Σ
     * running jobs' IT draw), and it must stay within the cap; a job's IT draw = gpus × (level W + busyWPerGpu −
     * idleWPerGpu) + ⌈gpus / gpusPerNode⌉ × (busyWPerNode − idleWPerNode); its energy = IT draw × PUE_t per step.
     *
     * @param gpus         GPUs the site has per GPU model (names as {@code gpuModel}); when given, every job names
     *                     its {@code gpuModel} and no step runs more GPUs of a model than this; omitted: no limit
     * @param gpusPerNode  GPUs per server; default 8
     * @param idleWPerGpu  server draw per GPU slot without a job, W (besides the GPU board); default 0
     * @param busyWPerGpu  the same with a job; default 0
     * @param idleWPerNode server draw without a job, W; default 0
     * @param busyWPerNode the same with a job; default 0
     * @param pue          power usage effectiveness (facility / IT power), constant; default 1
     * @param pueSeries    PUE per step instead (e.g. from the outside temperature); exactly {@code steps} values
     */
    public record Site(
            @Size(max = 16) Map<@NotBlank @Size(max = NAME_MAX) String, @NotNull @Min(0) @Max(10_000_000) Integer> gpus,
            @Schema(defaultValue = "8") @Min(1) @Max(64) Integer gpusPerNode,

            @Schema(defaultValue = "0") @PositiveOrZero @DecimalMax("100000")
            Double idleWPerGpu,

            @Schema(defaultValue = "0") @PositiveOrZero @DecimalMax("100000")
            Double busyWPerGpu,

            @Schema(defaultValue = "0") @PositiveOrZero @DecimalMax("1000000")
            Double idleWPerNode,

            @Schema(defaultValue = "0") @PositiveOrZero @DecimalMax("1000000")
            Double busyWPerNode,

            @Schema(description = "constant PUE; omitted (and no pueSeries) means 1")
            @DecimalMin("1.0")
            @DecimalMax("5.0")
            Double pue,

            @Size(max = 100_000) List<@NotNull @DecimalMin("1.0") @DecimalMax("5.0") Double> pueSeries) {

        public Site {
            gpus = emptyAsAbsent(gpus);
            gpusPerNode = gpusPerNode == null ? 8 : gpusPerNode;
            idleWPerGpu = idleWPerGpu == null ? 0.0 : idleWPerGpu;
            busyWPerGpu = busyWPerGpu == null ? 0.0 : busyWPerGpu;
            idleWPerNode = idleWPerNode == null ? 0.0 : idleWPerNode;
            busyWPerNode = busyWPerNode == null ? 0.0 : busyWPerNode;
            pueSeries = emptyAsAbsent(pueSeries);
        }
    }

    /**
     * The planning horizon: {@code steps} steps of {@code stepMinutes} from {@code start} (local time of the series).
     * Per step lists must have exactly {@code steps} entries; omitted (or empty) price means 0, omitted cap means no
     * cap, omitted base load means 0.
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
            @NotNull @Min(1) @Max(1440) Integer stepMinutes,
            @NotNull @Min(1) @Max(100_000) Integer steps,
            @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> carbonGPerKwh,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String carbonSeries,

            @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> priceUsdPerMwh,
            @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> capKw,
            @Size(max = 100_000) List<@NotNull @PositiveOrZero Double> baseLoadKw) {

        public TimeGrid {
            carbonGPerKwh = emptyAsAbsent(carbonGPerKwh);
            priceUsdPerMwh = emptyAsAbsent(priceUsdPerMwh);
            capKw = emptyAsAbsent(capKw);
            baseLoadKw = emptyAsAbsent(baseLoadKw);
        }
    }

    /**
     * A job to place in time. Release and deadline lie on the grid; the job must finish by its deadline
     * unless {@code mayBeLate} (penalised per hour), or be dropped if {@code mayBeDropped} (penalised once).
     *
     * @param workGpuHours  work in GPU-hours at full speed; runtime at a level = work / (gpus × speed)
     * @param interruptible may pause at step boundaries; each resume costs {@code checkpointOverheadMinutes};
     *                      default false
     * @param minRunMinutes interruptible only: every run lasts at least this long; default 0
     * @param checkpointOverheadMinutes interruptible only: the cost of each resume; default 0
     * @param levels        allowed power limits; omit (or leave empty) to use the default curve of {@code gpuModel}
     * @param gpuModel      a known GPU for the default curve, used when levels are omitted
     * @param priority      multiplies the late and drop penalties; default 1
     * @param mayBeLate     default false
     * @param mayBeDropped  default false
     */
    public record PowerJob(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String id,

            @NotNull LocalDateTime release,
            @NotNull LocalDateTime deadline,
            @NotNull @Positive @DecimalMax("10000000") Double workGpuHours,
            @NotNull @Min(1) @Max(100_000) Integer gpus,
            @Schema(defaultValue = "false") Boolean interruptible,

            @Schema(defaultValue = "0") @Min(0) @Max(100_000)
            Integer minRunMinutes,

            @Schema(defaultValue = "0") @Min(0) @Max(100_000)
            Integer checkpointOverheadMinutes,

            @Size(max = 16) List<@NotNull @Valid PowerLevel> levels,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String gpuModel,

            @Schema(defaultValue = "1") @Min(1) @Max(1000) Integer priority,
            @Schema(defaultValue = "false") Boolean mayBeLate,
            @Schema(defaultValue = "false") Boolean mayBeDropped) {

        public PowerJob {
            interruptible = interruptible != null && interruptible;
            minRunMinutes = minRunMinutes == null ? 0 : minRunMinutes;
            checkpointOverheadMinutes = checkpointOverheadMinutes == null ? 0 : checkpointOverheadMinutes;
            levels = emptyAsAbsent(levels);
            priority = priority == null ? 1 : priority;
            mayBeLate = mayBeLate != null && mayBeLate;
            mayBeDropped = mayBeDropped != null && mayBeDropped;
        }
    }

    /**
     * One allowed GPU power limit of a job.
     *
     * @param name          e.g. {@code 250W}
     * @param relativeSpeed throughput relative to full power (1.0 = full speed)
     * @param powerW        average draw per GPU at this limit, W (a capped, compute-bound GPU draws ~0.96 × its cap)
     */
    public record PowerLevel(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @NotNull @DecimalMin(value = "0.05") @DecimalMax(value = "2.0")
            Double relativeSpeed,

            @NotNull @Positive @DecimalMax(value = "10000") Double powerW) {}

    /**
     * What the objective prices. Total = energy cost (if {@code includeEnergyCost}) + co2Price × tCO2
     * + latePenalty × priority × hours late + dropPenalty × priority per dropped job. A field left out takes the
     * default: $100/t CO2, energy priced, $10 per late hour, $1,000 per dropped job.
     */
    public record PowerWeights(
            @Schema(defaultValue = "100") @PositiveOrZero @DecimalMax("100000")
            Double co2PriceUsdPerTonne,

            @Schema(defaultValue = "true") Boolean includeEnergyCost,

            @Schema(defaultValue = "10") @PositiveOrZero @DecimalMax("1000000")
            Double latePenaltyUsdPerHour,

            @Schema(defaultValue = "1000") @PositiveOrZero @DecimalMax("100000000")
            Double dropPenaltyUsd) {

        public PowerWeights {
            dev.computeplan.power.model.PowerWeights d = dev.computeplan.power.model.PowerWeights.DEFAULTS;
            co2PriceUsdPerTonne = co2PriceUsdPerTonne == null ? d.co2PriceUsdPerTonne() : co2PriceUsdPerTonne;
            includeEnergyCost = includeEnergyCost == null ? d.includeEnergyCost() : includeEnergyCost;
            latePenaltyUsdPerHour = latePenaltyUsdPerHour == null ? d.latePenaltyUsdPerHour() : latePenaltyUsdPerHour;
            dropPenaltyUsd = dropPenaltyUsd == null ? d.dropPenaltyUsd() : dropPenaltyUsd;
        }
    }
}
