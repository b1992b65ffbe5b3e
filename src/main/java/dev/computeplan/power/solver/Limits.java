package dev.computeplan.power.solver;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntervalVar;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * The site's limits as CP-SAT cumulatives, shared by both models: IT power (when capped) and, per inventoried GPU
 * model, the GPUs in use. A capacity that varies per step becomes one cumulative of capacity C = max_t free_t with
 * fixed blocker intervals of demand C − free_t wherever free_t < C (equal consecutive steps merged).
 */
final class Limits {

    /** A run that takes a job's draw and GPUs while its interval is present. */
    record Demand(IntervalVar interval, PowerInstance.Job job, long drawMw) {}

    private Limits() {}

    /** Σ_{runs covering t} P ≤ free_t and, per model k, Σ_{runs of k covering t} gpus ≤ inventory_k, for t ∈ [from, to). */
    static void add(CpModel model, PowerInstance inst, Capacity free, int from, int to, List<Demand> demands) {
        if (demands.isEmpty()) {
            return;
        }
        if (inst.capped) {
            CumulativeConstraint cap = cumulative(model, "powerCap", t -> free.mw[t], from, to);
            for (Demand d : demands) {
                cap.addDemand(d.interval(), d.drawMw());
            }
        }
        for (int k = 0; k < inst.gpuTypes.length; k++) {
            int[] gpus = free.gpus[k];
            if (impliedByPower(inst, free, k, from, to, demands)) {
                continue;
            }
            CumulativeConstraint c = null;
            for (Demand d : demands) {
                if (d.job().gpuType == k) {
                    if (c == null) {
                        c = cumulative(model, "gpus[" + inst.gpuTypes[k] + "]", t -> gpus[t], from, to);
                    }
                    c.addDemand(d.interval(), d.job().source.gpus());
                }
            }
        }
    }

    /**
     * True when the power cap alone keeps model k within its GPUs: with d the least draw per GPU of any of its runs,
     * Σ gpus·d ≤ Σ draw ≤ free_t, so Σ gpus ≤ free_t / d ≤ inventory_t. A redundant cumulative only slows CP-SAT.
     */
    private static boolean impliedByPower(
            PowerInstance inst, Capacity free, int k, int from, int to, List<Demand> demands) {
        if (!inst.capped) {
            return false;
        }
        double leastPerGpu = Double.MAX_VALUE;
        for (Demand d : demands) {
            if (d.job().gpuType == k) {
                leastPerGpu = Math.min(
                        leastPerGpu, d.drawMw() / (double) d.job().source.gpus());
            }
        }
        for (int t = from; t < to; t++) {
            if (Math.max(0, free.mw[t]) / leastPerGpu >= free.gpus[k][t] + 1) {
                return false;
            }
        }
        return true;
    }

    private static CumulativeConstraint cumulative(
            CpModel model, String name, IntToLongFunction freeAt, int from, int to) {
        long capacity = 0;
        for (int t = from; t < to; t++) {
            capacity = Math.max(capacity, Math.max(0, freeAt.applyAsLong(t)));
        }
        CumulativeConstraint cap = model.addCumulative(capacity);
        cap.getBuilder().setName(name);
        int t = from;
        while (t < to) {
            int u = t;
            long here = Math.max(0, freeAt.applyAsLong(t));
            while (u < to && Math.max(0, freeAt.applyAsLong(u)) == here) {
                u++;
            }
            if (here < capacity) {
                cap.addDemand(model.newFixedInterval(t, u - t, name + ".blocked[" + t + "]"), capacity - here);
            }
            t = u;
        }
        return cap;
    }
}
