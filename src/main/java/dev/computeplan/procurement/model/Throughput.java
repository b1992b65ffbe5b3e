package dev.computeplan.procurement.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What one accelerator of each SKU delivers to each workload in one quarter, in the workload's demand unit, found in
 * the throughput catalogue by {@link ThroughputRules}: each figure is measured or derived, with its source.
 * <ul>
 *   <li>training: sustained TFLOPS per accelerator (or the class's unit), converted to PFLOP-days per quarter, or to
 *       hours of the reference SKU it replaces;</li>
 *   <li>inference: tokens/s per accelerator at the fastest allowed precision the SKU supports whose weights plus KV
 *       cache fit in one server's accelerators.</li>
 * </ul>
 * Rate 0 means the SKU cannot serve the workload.
 */
public final class Throughput {

    private final double[][] rate;
    private final double[][] perAccelerator;
    private final ThroughputBasis[][] basis;
    private final String[][] source;
    private final Precision[][] precision;
    private final int[][] acceleratorsPerReplica;

    private Throughput(int workloads, int skus) {
        rate = new double[workloads][skus];
        perAccelerator = new double[workloads][skus];
        basis = new ThroughputBasis[workloads][skus];
        source = new String[workloads][skus];
        precision = new Precision[workloads][skus];
        acceleratorsPerReplica = new int[workloads][skus];
    }

    public static Throughput of(ProcurementProblem problem) {
        List<Workload> workloads = problem.workloads();
        List<Sku> skus = problem.catalogue();
        Throughput t = new Throughput(workloads.size(), skus.size());
        for (int w = 0; w < workloads.size(); w++) {
            ThroughputRules rules = new ThroughputRules(problem, workloads.get(w));
            for (int k = 0; k < skus.size(); k++) {
                if (workloads.get(w).training()) {
                    t.training(problem, rules, w, k);
                } else {
                    t.inference(problem, rules, w, k);
                }
            }
        }
        return t;
    }

    private void training(ProcurementProblem problem, ThroughputRules rules, int w, int k) {
        Workload load = problem.workloads().get(w);
        Sku sku = problem.catalogue().get(k);
        Precision p = load.trainingPrecision();
        if (sku.memoryGb() < load.minMemoryGb()
                || sku.interconnectGbs() < load.minInterconnectGbs()
                || !p.supportedBy(sku)) {
            return;
        }
        ThroughputRules.Figure f = rules.training(sku, p);
        if (f == null) {
            return;
        }
        if (load.demandUnit() == DemandUnit.ACCELERATOR_HOURS) {
            Sku reference = problem.sku(load.referenceSku());
            ThroughputRules.Figure ref = reference == null ? null : rules.training(reference, p);
            ref = ref != null || reference == null ? ref : rules.training(reference, Precision.FP16);
            if (ref == null) {
                return;
            }
            // hours of the reference accelerator one accelerator of this SKU replaces in a quarter
            set(w, k, f, p, ProcurementProblem.HOURS_PER_QUARTER * f.value() / ref.value(), 1);
        } else {
            // PFLOP-days per accelerator-quarter: TFLOPS / 1000 x days in a quarter
            set(w, k, f, p, f.value() / 1000.0 * ProcurementProblem.HOURS_PER_QUARTER / 24.0, 1);
        }
    }

    private void inference(ProcurementProblem problem, ThroughputRules rules, int w, int k) {
        Workload load = problem.workloads().get(w);
        Sku sku = problem.catalogue().get(k);
        for (PrecisionOption option : load.precisions()) {
            Precision p = option.precision();
            if (!p.supportedBy(sku)) {
                continue;
            }
            int perReplica = acceleratorsPerReplica(problem, load, sku, p);
            if (perReplica > sku.acceleratorsPerServer()) {
                continue;
            }
            ThroughputRules.Figure f = rules.inference(sku, p);
            if (f != null && f.value() > rate[w][k] + 1e-12) {
                set(w, k, f, p, f.value(), perReplica);
            }
        }
    }

    private void set(int w, int k, ThroughputRules.Figure f, Precision p, double quarterRate, int perReplica) {
        rate[w][k] = quarterRate;
        perAccelerator[w][k] = f.value();
        basis[w][k] = f.basis();
        source[w][k] = f.source();
        precision[w][k] = p;
        acceleratorsPerReplica[w][k] = perReplica;
    }

    /** Accelerators one replica needs so that weights and KV cache fit: ceil(memory / usable memory per accelerator). */
    public static int acceleratorsPerReplica(ProcurementProblem problem, Workload load, Sku sku, Precision p) {
        double needGb = load.modelParamsBillions() * p.bytesPerParameter() + load.kvCacheGbPerReplica();
        double usable = sku.memoryGb() * problem.policy().usableMemoryFraction();
        return (int) Math.ceil(needGb / usable - 1e-9);
    }

    /** Demand units one accelerator of SKU k delivers to workload w in one quarter (0 = cannot serve). */
    public double rate(int w, int k) {
        return rate[w][k];
    }

    /** The catalogue figure behind the rate, in the workload class's unit (TFLOPS, tokens/s, ...). */
    public double perAccelerator(int w, int k) {
        return perAccelerator[w][k];
    }

    public boolean derived(int w, int k) {
        return basis[w][k] == ThroughputBasis.DERIVED;
    }

    public ThroughputBasis basis(int w, int k) {
        return basis[w][k];
    }

    /** Where the figure comes from: the row's source, or how it was derived and from which rows. */
    public String source(int w, int k) {
        return source[w][k];
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
                if (eligible(w, k) && derived(w, k)) {
                    Workload load = problem.workloads().get(w);
                    lines.add(String.format(
                            "%s on %s: %.1f %s per accelerator at %s (derived: %s)",
                            load.name(),
                            problem.catalogue().get(k).name(),
                            rate[w][k],
                            unitPerQuarter(load),
                            precision[w][k],
                            source[w][k]));
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
