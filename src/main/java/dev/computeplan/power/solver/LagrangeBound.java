package dev.computeplan.power.solver;

import java.util.function.BooleanSupplier;

/**
 * A lower bound under a binding cap, by Lagrangian relaxation of the per-step cap:
 * <pre>
 *   L(λ) = Σ_j min_p [cost_j(p) + Σ_{t ∈ p} λ_t·P_j(p)] − Σ_t λ_t·free_t,   λ ≥ 0
 * </pre>
 * Every job is then independent (the per-job optimum with step costs raised by λ), and L(λ) ≤ the optimum for
 * every λ ≥ 0 (the λ part of each step cost is floored, which only lowers L). λ is improved by subgradient steps
 * (Polyak step towards the best known objective). The bound is at least the per-job bound (λ = 0 is the first step).
 */
public final class LagrangeBound {

    /** Subgradient steps without a better bound before the step size is halved. */
    static final int PATIENCE = 20;

    private final PowerInstance inst;
    private int iterations;

    /** Needs an instance of its own: the multipliers change its step costs. */
    public LagrangeBound(PowerInstance ownInstance) {
        this.inst = ownInstance;
    }

    public int iterations() {
        return iterations;
    }

    /**
     * The best bound found before {@code stop} or {@code maxIterations}; {@code upper} is the best known objective.
     * Returns {@link Long#MIN_VALUE} when a job that may not be dropped fits nowhere even alone, or when {@code stop}
     * comes before the first pass over the jobs ends (a pass on a large instance is a sizeable part of a limit, so
     * {@code stop} is asked for each job).
     */
    public long bound(long upper, int maxIterations, BooleanSupplier stop) {
        int steps = inst.steps;
        double[] lambda = new double[steps];
        long best = Long.MIN_VALUE;
        double theta = 2.0;
        int sinceImproved = 0;
        // each job alone: the GPU inventory is relaxed with the interaction of jobs, which keeps L a bound
        Capacity alone = Capacity.of(inst);
        for (iterations = 0; iterations < maxIterations && !stop.getAsBoolean(); iterations++) {
            inst.setMultipliers(iterations == 0 ? null : lambda);
            long[] load = new long[steps];
            double value = 0;
            for (PowerInstance.Job job : inst.jobs) {
                JobPlanner.Choice c = stop.getAsBoolean() ? null : JobPlanner.best(inst, job, alone);
                if (c == null) {
                    inst.setMultipliers(null);
                    return stop.getAsBoolean() ? best : Long.MIN_VALUE;
                }
                value += c.cost();
                if (!c.placement().dropped()) {
                    c.placement().apply(load, job.levels[c.placement().level()].drawMw, 1);
                }
            }
            double norm = 0;
            double[] g = new double[steps];
            for (int t = 0; t < steps; t++) {
                if (inst.freeMw[t] < PowerInstance.UNCAPPED_MW) {
                    value -= lambda[t] * inst.freeMw[t];
                    g[t] = load[t] - inst.freeMw[t];
                    // a multiplier at 0 with slack cannot go lower: no direction there
                    if (lambda[t] > 0 || g[t] > 0) {
                        norm += g[t] * g[t];
                    } else {
                        g[t] = 0;
                    }
                }
            }
            long floor = (long) Math.floor(value);
            if (floor > best) {
                best = floor;
                sinceImproved = 0;
            } else if (++sinceImproved >= PATIENCE) {
                theta /= 2;
                sinceImproved = 0;
            }
            if (norm == 0 || best >= upper) {
                break; // the relaxed optimum holds the cap: λ is optimal
            }
            double alpha = theta * Math.max(1.0, upper - value) / norm;
            for (int t = 0; t < steps; t++) {
                lambda[t] = Math.max(0, lambda[t] + alpha * g[t]);
            }
        }
        inst.setMultipliers(null);
        return best;
    }
}
