package dev.computeplan.procurement.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What one accelerator of each SKU delivers to each workload in one quarter, in the workload's demand unit.
 * Measured figures are used as given; the rest are derived from specs and flagged as derived:
 * <ul>
 *   <li>training: sustained TFLOPS = peak TFLOPS at the training precision x MFU;</li>
 *   <li>inference: from a measured reference SKU r, tokens/s_k = tokens/s_r / (d * BW_r/BW_k + (1-d) * F_r/F_k),
 *       i.e. decode time scales with memory bandwidth and prefill time with BF16 FLOPS (d = decode share);
 *       then x speedFactor(p) / speedFactor(measured precision), for the fastest allowed precision p whose weights
 *       plus KV cache fit in one server's accelerators.</li>
 * </ul>
 * Rate 0 means the SKU cannot serve the workload.
 */
public final class Throughput {

    private final double[][] rate;
    private final boolean[][] derived;
    private final Precision[][] precision;
    private final int[][] acceleratorsPerReplica;

    private Throughput(int workloads, int skus) {
        rate = new double[workloads][skus];
        derived = new boolean[workloads][skus];
        precision = new Precision[workloads][skus];
        acceleratorsPerReplica = new int[workloads][skus];
    }

    public static Throughput of(ProcurementProblem problem) {
        List<Workload> workloads = problem.workloads();
        List<Sku> skus = problem.catalogue();
        Throughput t = new Throughput(workloads.size(), skus.size());
        for (int w = 0; w < workloads.size(); w++) {
            for (int k = 0; k < skus.size(); k++) {
                if (workloads.get(w).training()) {
                    t.training(problem, w, k);
                } else {
                    t.inference(problem, w, k);
                }
            }
        }
        return t;
    }

    private void training(ProcurementProblem problem, int w, int k) {
        Workload load = problem.workloads().get(w);
        Sku sku = problem.catalogue().get(k);
        if (sku.memoryGb() < load.minMemoryGb()
                || sku.interconnectGbs() < load.minInterconnectGbs()
                || !load.trainingPrecision().supportedBy(sku)) {
            return;
        }
        double sustained = sustainedTflops(problem, load, sku);
        derived[w][k] = measuredOn(load, sku.name()) == null;
        precision[w][k] = load.trainingPrecision();
        acceleratorsPerReplica[w][k] = 1;
        if (load.demandUnit() == DemandUnit.ACCELERATOR_HOURS) {
            Sku reference = problem.sku(load.referenceSku());
            // hours of the reference accelerator one accelerator of this SKU replaces in a quarter
            rate[w][k] = ProcurementProblem.HOURS_PER_QUARTER * sustained / sustainedTflops(problem, load, reference);
        } else {
            // PFLOP-days per accelerator-quarter: TFLOPS / 1000 x days in a quarter
            rate[w][k] = sustained / 1000.0 * ProcurementProblem.HOURS_PER_QUARTER / 24.0;
        }
    }

    private static double sustainedTflops(ProcurementProblem problem, Workload load, Sku sku) {
        MeasuredThroughput m = measuredOn(load, sku.name());
        if (m != null) {
            return m.perAccelerator();
        }
        double peak = load.trainingPrecision() == Precision.FP8 && sku.fp8Tflops() != null
                ? sku.fp8Tflops()
                : sku.bf16Tflops();
        return peak * problem.policy().mfu();
    }

    private void inference(ProcurementProblem problem, int w, int k) {
        Workload load = problem.workloads().get(w);
        Sku sku = problem.catalogue().get(k);
        MeasuredThroughput own = measuredOn(load, sku.name());
        MeasuredThroughput ref = own != null ? own : firstKnown(problem, load);
        if (ref == null) {
            return;
        }
        double base;
        if (own != null) {
            base = own.perAccelerator();
        } else {
            Sku r = problem.sku(ref.sku());
            double d = load.decodeShare();
            base = ref.perAccelerator()
                    / (d * r.memoryBandwidthTbs() / sku.memoryBandwidthTbs()
                            + (1 - d) * r.bf16Tflops() / sku.bf16Tflops());
        }
        double measuredFactor = factorOf(load, load.measuredPrecision());
        for (PrecisionOption option : load.precisions()) {
            Precision p = option.precision();
            if (!p.supportedBy(sku)) {
                continue;
            }
            int perReplica = acceleratorsPerReplica(problem, load, sku, p);
            if (perReplica > sku.acceleratorsPerServer()) {
                continue;
            }
            double tps = base * option.speedFactor() / measuredFactor;
            if (tps > rate[w][k] + 1e-12) {
                rate[w][k] = tps;
                precision[w][k] = p;
                acceleratorsPerReplica[w][k] = perReplica;
                derived[w][k] = own == null;
            }
        }
    }

    /** Accelerators one replica needs so that weights and KV cache fit: ceil(memory / usable memory per accelerator). */
    public static int acceleratorsPerReplica(ProcurementProblem problem, Workload load, Sku sku, Precision p) {
        double needGb = load.modelParamsBillions() * p.bytesPerParameter() + load.kvCacheGbPerReplica();
        double usable = sku.memoryGb() * problem.policy().usableMemoryFraction();
        return (int) Math.ceil(needGb / usable - 1e-9);
    }

    private static double factorOf(Workload load, Precision p) {
        return load.precisions().stream()
                .filter(o -> o.precision() == p)
                .mapToDouble(PrecisionOption::speedFactor)
                .findFirst()
                .orElse(1.0);
    }

    static MeasuredThroughput measuredOn(Workload load, String sku) {
        return load.measured().stream()
                .filter(m -> m.sku().equals(sku))
                .findFirst()
                .orElse(null);
    }

    private static MeasuredThroughput firstKnown(ProcurementProblem problem, Workload load) {
        return load.measured().stream()
                .filter(m -> problem.sku(m.sku()) != null)
                .findFirst()
                .orElse(null);
    }

    /** Demand units one accelerator of SKU k delivers to workload w in one quarter (0 = cannot serve). */
    public double rate(int w, int k) {
        return rate[w][k];
    }

    public boolean derived(int w, int k) {
        return derived[w][k];
    }

    public Precision precision(int w, int k) {
        return precision[w][k];
    }

    public int acceleratorsPerReplica(int w, int k) {
        return acceleratorsPerReplica[w][k];
    }

    public boolean eligible(int w, int k) {
        return rate[w][k] > 0;
    }

    /** Human lines naming each derived figure, for the explanation. */
    public List<String> derivedFigures(ProcurementProblem problem) {
        List<String> lines = new ArrayList<>();
        for (int w = 0; w < rate.length; w++) {
            for (int k = 0; k < rate[w].length; k++) {
                if (eligible(w, k) && derived[w][k]) {
                    Workload load = problem.workloads().get(w);
                    lines.add(String.format(
                            "%s on %s: %.1f %s per accelerator (derived from specs%s)",
                            load.name(),
                            problem.catalogue().get(k).name(),
                            rate[w][k],
                            unitPerQuarter(load),
                            load.training() ? "" : ", at " + precision[w][k]));
                }
            }
        }
        return lines;
    }

    public static String unitPerQuarter(Workload load) {
        if (!load.training()) {
            return "tokens/s";
        }
        return load.demandUnit() == DemandUnit.PFLOP_DAYS
                ? "PFLOP-days/quarter"
                : load.referenceSku() + "-hours/quarter";
    }
}
