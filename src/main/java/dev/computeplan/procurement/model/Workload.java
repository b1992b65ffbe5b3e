package dev.computeplan.procurement.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A demand to be served: a training workload (compute per quarter) or an inference service (tokens/s per quarter).
 *
 * @param demand             per quarter: PFLOP-days (or accelerator-hours of referenceSku) for training,
 *                           sustained tokens/s at the SLO for inference
 * @param minMemoryGb        training: smallest accelerator memory the job accepts
 * @param minInterconnectGbs training: slowest scale-up interconnect the job accepts
 * @param trainingPrecision  training: FP16 (BF16 tensor rate) or FP8
 * @param modelParamsBillions inference: parameters of the served model (weights = params x bytes per parameter)
 * @param kvCacheGbPerReplica inference: KV cache and activations one replica needs at the SLO batch size
 * @param precisions         inference: allowed precisions and their speed factors
 * @param measuredPrecision  inference: precision the measured figures were taken at
 * @param decodeShare        inference: share of serving time spent in memory-bound decode (rest is compute-bound prefill)
 * @param measured           measured per-accelerator speeds; other SKUs are derived from specs
 * @param allowCloud         may be served by cloud on-demand burst
 */
public record Workload(
        @NotBlank @Size(max = 80) String name,
        @NotNull WorkloadType type,
        @NotNull @NotEmpty @Size(max = 12) List<@NotNull @PositiveOrZero Double> demand,
        DemandUnit demandUnit,
        String referenceSku,
        @PositiveOrZero Double minMemoryGb,
        @PositiveOrZero Double minInterconnectGbs,
        Precision trainingPrecision,
        @Positive Double modelParamsBillions,
        @PositiveOrZero Double kvCacheGbPerReplica,
        @Valid @Size(max = 3) List<@NotNull PrecisionOption> precisions,
        Precision measuredPrecision,
        @PositiveOrZero @DecimalMax("1") Double decodeShare,
        @Valid @Size(max = 200) List<@NotNull MeasuredThroughput> measured,
        Boolean allowCloud) {

    public Workload {
        demandUnit = demandUnit == null ? DemandUnit.PFLOP_DAYS : demandUnit;
        minMemoryGb = minMemoryGb == null ? 0.0 : minMemoryGb;
        minInterconnectGbs = minInterconnectGbs == null ? 0.0 : minInterconnectGbs;
        trainingPrecision = trainingPrecision == null ? Precision.FP16 : trainingPrecision;
        kvCacheGbPerReplica = kvCacheGbPerReplica == null ? 0.0 : kvCacheGbPerReplica;
        precisions = precisions == null ? List.of(new PrecisionOption(Precision.FP16, 1.0)) : precisions;
        measuredPrecision = measuredPrecision == null ? Precision.FP16 : measuredPrecision;
        decodeShare = decodeShare == null ? 0.8 : decodeShare;
        measured = measured == null ? List.of() : measured;
        allowCloud = allowCloud == null ? Boolean.TRUE : allowCloud;
    }

    public boolean training() {
        return type == WorkloadType.TRAINING;
    }

    public double demandIn(int quarter) {
        return demand.get(quarter);
    }
}
