package dev.computeplan.power.solver;

import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The first phase of the interval model when jobs have several power levels: the model restricted to full power,
 * which is several times smaller. When GPUs bind, slow levels hold them longer, so a good schedule is mostly at full
 * power; the restricted model finds one that the whole model, pruned by its cost, then improves with slower levels.
 */
final class FullPowerFirst {

    private FullPowerFirst() {}

    /** True when some job has a level besides full power (else the phase would repeat the whole model). */
    static boolean applies(PowerInstance inst) {
        for (PowerInstance.Job job : inst.jobs) {
            if (job.levels.length > 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cheaper of {@code start} and the restricted model's best schedule found in {@code seconds} (hinted with
     * the cheaper of EDF insertion at full power and shift-then-repair); {@code start} itself when neither the restricted model nor its hint is better.
     */
    static Placement[] solve(
            PowerInstance inst,
            Placement[] start,
            double seconds,
            PowerSolverSettings settings,
            BiConsumer<Placement[], Long> onSolution,
            Consumer<Runnable> onStop,
            BooleanSupplier stopped) {
        CapHeuristic heuristic = new CapHeuristic(inst);
        Placement[] hint = heuristic.greedy(true);
        Placement[] shifted = heuristic.shiftThenRepair();
        if (cheaper(heuristic, shifted, hint)) {
            hint = shifted;
        }
        boolean hinted = !heuristic.hasUnplaced(hint);
        IntervalModel model = IntervalModel.whole(inst)
                .fullPowerOnly()
                .withUpperBound(hinted ? heuristic.total(hint) : Long.MAX_VALUE)
                .build();
        if (hinted) {
            model.hint(hint);
        }
        IntervalSolve.Result r = IntervalSolve.run(
                model,
                new Placement[inst.jobs.length],
                seconds,
                settings,
                settings.seed(),
                // the restricted model's bound is no bound of the whole problem: report its schedules only
                (s, bound) -> onSolution.accept(s, Long.MIN_VALUE),
                onStop);
        // each candidate then has its jobs moved to a slower level or another start where that is cheaper given all
        // the others
        Placement[] best = start;
        for (Placement[] candidate : new Placement[][] {r.found() ? r.schedule() : null, hinted ? hint : null}) {
            if (candidate != null && !stopped.getAsBoolean()) {
                Placement[] improved = heuristic.improve(candidate.clone(), stopped, s -> {});
                if (cheaper(heuristic, improved, best)) {
                    best = improved;
                    onSolution.accept(best, Long.MIN_VALUE);
                }
            }
        }
        return best;
    }

    private static boolean cheaper(CapHeuristic heuristic, Placement[] a, Placement[] b) {
        return heuristic.hasUnplaced(b) && !heuristic.hasUnplaced(a) || heuristic.total(a) < heuristic.total(b);
    }
}
