package dev.computeplan.procurement.api;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;
import static dev.computeplan.common.WireText.TEXT_MAX;
import static dev.computeplan.common.WireText.emptyAsAbsent;

import dev.computeplan.procurement.model.DemandUnit;
import dev.computeplan.procurement.model.Precision;
import dev.computeplan.procurement.model.ThroughputBasis;
import dev.computeplan.procurement.model.WorkloadType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The procurement request as it arrives on the wire: catalogue, sites, demand, policy and optional what-if variants.
 * Absent optional fields stay null here: {@link ProcurementMapper} hands them to the model records, whose
 * constructors fill in the defaults, so the wire format and the planning model can change apart. An empty optional
 * list means the same as an absent one (no cap, no budget, no fleet, the default precision, no variants); required
 * lists (catalogue, sites, workloads, powerMw, rackUnits, demand) may not be empty. Names have at most 128
 * characters and no control characters; free text at most 500.
 *
 * @param firstQuarter the label of the first quarter, {@code YYYYQn} with n in 1..4 (e.g. {@code 2027Q1}); omitted =
 *                     quarters are labelled Q1, Q2, ...
 */
public record ProcurementRequest(
        @NotNull @Positive @Max(12) Integer horizonQuarters,

        @Pattern(regexp = "^[0-9]{4}Q[1-4]$", message = "must be a quarter such as 2027Q1 (YYYYQ1 to YYYYQ4)")
        String firstQuarter,

        @NotNull @NotEmpty @Size(max = 200) @Valid List<@NotNull Sku> catalogue,
        @NotNull @NotEmpty @Size(max = 50) @Valid List<@NotNull Site> sites,
        @NotNull @NotEmpty @Size(max = 500) @Valid List<@NotNull Workload> workloads,
        @Valid Policy policy,
        @Size(max = 5) @Valid List<@NotNull Variant> variants,
        @Valid Pareto pareto,
        @Valid TwoStage twoStage,
        @Size(max = 500) @Valid List<@NotNull ThroughputOverride> throughput) {

    public ProcurementRequest {
        variants = emptyAsAbsent(variants);
        throughput = emptyAsAbsent(throughput);
    }

    /** A request without a frontier, scenarios or throughput overrides. */
    public ProcurementRequest(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants) {
        this(horizonQuarters, firstQuarter, catalogue, sites, workloads, policy, variants, null, null, null);
    }

    /** A request without a frontier or scenarios. */
    public ProcurementRequest(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants,
            List<ThroughputOverride> throughput) {
        this(horizonQuarters, firstQuarter, catalogue, sites, workloads, policy, variants, null, null, throughput);
    }

    /** A request without throughput overrides. */
    public ProcurementRequest(
            Integer horizonQuarters,
            String firstQuarter,
            List<Sku> catalogue,
            List<Site> sites,
            List<Workload> workloads,
            Policy policy,
            List<Variant> variants,
            Pareto pareto,
            TwoStage twoStage) {
        this(horizonQuarters, firstQuarter, catalogue, sites, workloads, policy, variants, pareto, twoStage, null);
    }

    /**
     * A row of the throughput catalogue this scenario replaces (same SKU, workload class and precision) or adds: what
     * one accelerator delivers, in the class's unit (see GET /api/v1/procurement/throughput-catalogue).
     */
    public record ThroughputOverride(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String sku,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String workloadClass,

            @NotNull Precision precision,
            @NotNull @Positive @DecimalMax("1e9") Double perAccelerator,
            ThroughputBasis basis,
            @NotBlank @Size(max = TEXT_MAX) String source) {}

    /** One accelerator SKU of the catalogue; a null price means "not offered that way", a null availability list no cap. */
    public record Sku(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String vendor,

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
            @Size(max = TEXT_MAX) String assumptions,
            @Positive Double fp4Tflops) {

        public Sku {
            availability = emptyAsAbsent(availability);
            leaseAvailability = emptyAsAbsent(leaseAvailability);
            cloudAvailability = emptyAsAbsent(cloudAvailability);
        }
    }

    /** A data-centre site; per-quarter lists have one entry per quarter of the horizon. */
    public record Site(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> powerMw,
            @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> rackUnits,
            @NotNull @DecimalMin("1.0") @DecimalMax("3.0") Double pue,
            @NotNull @PositiveOrZero Double electricityUsdPerKwh,
            @NotNull @PositiveOrZero Double carbonGPerKwh,
            @Size(max = 12) List<@NotNull @PositiveOrZero Double> capexBudgetUsd,
            @Valid @Size(max = 1000) List<@NotNull ExistingServers> existingFleet) {

        public Site {
            capexBudgetUsd = emptyAsAbsent(capexBudgetUsd);
            existingFleet = emptyAsAbsent(existingFleet);
        }
    }

    /** Servers a site already owns: how many, of which SKU, and how old at the start of the horizon. */
    public record ExistingServers(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String sku,

            @NotNull @Positive @Max(1_000_000) Integer servers,
            @NotNull @PositiveOrZero @Max(100) Integer ageQuarters) {}

    /** A training workload (compute per quarter) or an inference service (tokens/s per quarter). */
    public record Workload(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @NotNull WorkloadType type,
            @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> demand,
            DemandUnit demandUnit,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String referenceSku,

            @PositiveOrZero Double minMemoryGb,
            @PositiveOrZero Double minInterconnectGbs,
            Precision trainingPrecision,
            @Positive Double modelParamsBillions,
            @PositiveOrZero Double kvCacheGbPerReplica,
            @Valid @Size(max = 5) List<@NotNull PrecisionOption> precisions,
            Precision measuredPrecision,
            @PositiveOrZero @DecimalMax("1") Double decodeShare,
            @Valid @Size(max = 200) List<@NotNull MeasuredThroughput> measured,
            Boolean allowCloud,

            @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String workloadClass) {

        public Workload {
            precisions = emptyAsAbsent(precisions);
            measured = emptyAsAbsent(measured);
        }
    }

    /** A measured per-accelerator speed of one workload on one SKU. */
    public record MeasuredThroughput(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String sku,

            @NotNull @Positive Double perAccelerator,
            @Size(max = TEXT_MAX) String source) {}

    /** A precision a service may be served at, and its speed relative to FP16 (null = the class's published factor). */
    public record PrecisionOption(
            @NotNull Precision precision,
            @Positive @DecimalMax("10") Double speedFactor) {}

    /** Company-wide rules and prices. */
    public record Policy(
            @PositiveOrZero @DecimalMax("1") Double discountRatePerYear,
            @PositiveOrZero Double carbonUsdPerTonne,
            @DecimalMin("0.01") @DecimalMax("1") Double maxVendorShare,
            Boolean allowLease,
            Boolean allowCloud,
            @PositiveOrZero Double cloudCarbonGPerKwh,
            @DecimalMin("1.0") @DecimalMax("3.0") Double cloudPue,
            @Positive @DecimalMax("1") Double mfu,
            @PositiveOrZero @DecimalMax("1") Double idlePowerFraction,
            @Positive @DecimalMax("1") Double usableMemoryFraction,
            @Size(max = 12) List<@NotNull @PositiveOrZero Double> capexBudgetUsd) {

        public Policy {
            capexBudgetUsd = emptyAsAbsent(capexBudgetUsd);
        }
    }

    /** A what-if: the same problem with prices or demand scaled. Null factor = 1. */
    public record Variant(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @Positive @DecimalMax("10") Double purchasePriceFactor,
            @Positive @DecimalMax("10") Double leasePriceFactor,
            @Positive @DecimalMax("10") Double cloudPriceFactor,
            @Positive @DecimalMax("10") Double energyPriceFactor,
            @Positive @DecimalMax("10") Double demandFactor,
            @PositiveOrZero Double carbonUsdPerTonne,
            @PositiveOrZero @Max(8) Integer leadTimeSlipQuarters) {}

    /**
     * A cost-versus-carbon frontier beside the base case: {@code points} plans from the cheapest to the least-carbon
     * one (default 8), each the cheapest under a cap on tonnes of CO2e, carbon priced at 0.
     */
    public record Pareto(@Min(2) @Max(12) Integer points) {}

    /**
     * Two-stage planning: the first {@code firstStageQuarters} quarters' orders, leases and kept servers (default 4)
     * shared by every scenario, the rest adapted to each. Probabilities add up to 1.
     */
    public record TwoStage(
            @Positive @Max(12) Integer firstStageQuarters,
            @NotNull @Size(min = 2, max = 8) @Valid List<@NotNull Scenario> scenarios) {}

    /** One outcome of an uncertain future: demand and prices scaled, lead times slipped. Null factor = 1. */
    public record Scenario(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
            String name,

            @NotNull @Positive @DecimalMax("1") Double probability,
            @Positive @DecimalMax("10") Double purchasePriceFactor,
            @Positive @DecimalMax("10") Double leasePriceFactor,
            @Positive @DecimalMax("10") Double cloudPriceFactor,
            @Positive @DecimalMax("10") Double energyPriceFactor,
            @Positive @DecimalMax("10") Double demandFactor,
            @PositiveOrZero @Max(8) Integer leadTimeSlipQuarters) {}
}
