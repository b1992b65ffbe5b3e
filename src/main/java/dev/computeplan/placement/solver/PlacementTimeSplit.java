package dev.computeplan.placement.solver;

import java.time.Duration;

/**
 * How a solve shares its time limit out. The first gang placement and the construction heuristic each get a bounded
 * share of it, so that a slow or busy machine cannot spend the whole limit before local search starts; and the
 * limit given to the solver leaves a reserve for what follows it inside the same limit (final fill, polish,
 * re-score, mapping the answer back and the independent check), which grows with the number of workloads.
 *
 * @param gangPercent             share of the solver's limit for each whole-gang placement phase
 * @param constructionPercent     share of the solver's limit for the construction heuristic (only what the quick
 *                                first fit could not place goes through it; the final fill places what it left)
 * @param finishMicrosPerWorkload the reserve for the steps after the solver, per workload
 * @param finishMaxPercent        the reserve's upper bound, as a share of the limit
 * @param prefillMinWorkloads     from this many workloads on, the greedy fill also runs before the solver (within
 *                                the solver's time; the solver runs if enough is left): setting up the solver on such a problem can take much of a short
 *                                limit on a busy machine, and the answer should not be left to the final fill alone
 */
public record PlacementTimeSplit(
        int gangPercent,
        int constructionPercent,
        long finishMicrosPerWorkload,
        int finishMaxPercent,
        int prefillMinWorkloads) {

    public PlacementTimeSplit {
        if (gangPercent < 1 || gangPercent > 50 || constructionPercent < 1 || constructionPercent > 50) {
            throw new IllegalArgumentException("gangPercent and constructionPercent must be in 1..50");
        }
        if (finishMicrosPerWorkload < 0 || finishMaxPercent < 0 || finishMaxPercent > 50 || prefillMinWorkloads < 0) {
            throw new IllegalArgumentException("finishMicrosPerWorkload >= 0 and finishMaxPercent in 0..50 required");
        }
    }

    public static PlacementTimeSplit defaults() {
        return new PlacementTimeSplit(10, 10, 50, 25, 5_000);
    }

    /** The time kept back from {@code limit} for the steps after the solver, for {@code workloads} workloads. */
    public Duration finishReserve(Duration limit, int workloads) {
        long micros = Math.min(limit.toNanos() / 1_000 * finishMaxPercent / 100, workloads * finishMicrosPerWorkload);
        return Duration.ofMillis(micros / 1_000);
    }

    /**
     * What setting the solver up on {@code workloads} workloads may take on a busy machine (it is not
     * interruptible), estimated like the reserve: the solver is started only with at least twice this left.
     */
    public long setUpNanos(int workloads) {
        return workloads * finishMicrosPerWorkload * 1_000L;
    }

    /** {@code percent} of {@code limit}. */
    static Duration share(Duration limit, int percent) {
        return Duration.ofMillis(limit.toMillis() * percent / 100);
    }
}
