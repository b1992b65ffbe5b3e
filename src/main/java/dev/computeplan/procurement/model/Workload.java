package dev.computeplan.procurement.model;

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
 * @param precisions         inference: allowed precisions and optional speed factors (null = the class's published one)
 * @param measuredPrecision  inference: precision the measured figures were taken at
 * @param decodeShare        inference: share of serving time spent in memory-bound decode (rest is compute-bound prefill)
 * @param measured           the user's measured per-accelerator speeds (at trainingPrecision, or measuredPrecision for
 *                           inference); they take precedence over the throughput catalogue
 * @param allowCloud         may be served by cloud on-demand burst
 * @param workloadClass      the throughput catalogue's class (default by type: llm-pretrain, llm-70b-inference)
 */
public record Workload(
        String name,
        WorkloadType type,
        List<Double> demand,
        DemandUnit demandUnit,
        String referenceSku,
        Double minMemoryGb,
        Double minInterconnectGbs,
        Precision trainingPrecision,
        Double modelParamsBillions,
        Double kvCacheGbPerReplica,
        List<PrecisionOption> precisions,
        Precision measuredPrecision,
        Double decodeShare,
        List<MeasuredThroughput> measured,
        Boolean allowCloud,
        String workloadClass) {

    /** Default class of a training workload: dense LLM pre-training. */
    public static final String DEFAULT_TRAINING_CLASS = "llm-pretrain";

    /** Default class of an inference service: Llama-2-70B class serving. */
    public static final String DEFAULT_INFERENCE_CLASS = "llm-70b-inference";

    /** A workload of its type's default class. */
    public Workload(
            String name,
            WorkloadType type,
            List<Double> demand,
            DemandUnit demandUnit,
            String referenceSku,
            Double minMemoryGb,
            Double minInterconnectGbs,
            Precision trainingPrecision,
            Double modelParamsBillions,
            Double kvCacheGbPerReplica,
            List<PrecisionOption> precisions,
            Precision measuredPrecision,
            Double decodeShare,
            List<MeasuredThroughput> measured,
            Boolean allowCloud) {
        this(
                name,
                type,
                demand,
                demandUnit,
                referenceSku,
                minMemoryGb,
                minInterconnectGbs,
                trainingPrecision,
                modelParamsBillions,
                kvCacheGbPerReplica,
                precisions,
                measuredPrecision,
                decodeShare,
                measured,
                allowCloud,
                null);
    }

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
        if (workloadClass == null) {
            workloadClass = type == WorkloadType.INFERENCE ? DEFAULT_INFERENCE_CLASS : DEFAULT_TRAINING_CLASS;
        }
    }

    /** This workload with other measured figures (and everything else kept). */
    public Workload withMeasured(Precision training, List<MeasuredThroughput> figures) {
        return new Workload(
                name,
                type,
                demand,
                demandUnit,
                referenceSku,
                minMemoryGb,
                minInterconnectGbs,
                training,
                modelParamsBillions,
                kvCacheGbPerReplica,
                precisions,
                measuredPrecision,
                decodeShare,
                figures,
                allowCloud,
                workloadClass);
    }

    public boolean training() {
        return type == WorkloadType.TRAINING;
    }

    public double demandIn(int quarter) {
        return demand.get(quarter);
    }
}
