package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import dev.computeplan.placement.domain.Workload;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Sums, per old node, the requirements of the workloads moving away from it: O(R) per change. */
public final class MovedOutCollector implements UniConstraintCollector<Workload, MovedOutCollector.Acc, MovedOutLoad> {

    public static final MovedOutCollector INSTANCE = new MovedOutCollector();

    private MovedOutCollector() {}

    /** Running sums for one old node. */
    public static final class Acc {
        private dev.computeplan.placement.domain.Node node;
        private long[] usage;

        private Runnable add(Workload w) {
            if (usage == null) {
                node = w.getCurrentNode();
                usage = new long[node.resourceCount()];
            }
            int n = Math.min(usage.length, w.resourceCount());
            for (int r = 0; r < n; r++) {
                usage[r] += w.requirement(r);
            }
            return () -> {
                for (int r = 0; r < n; r++) {
                    usage[r] -= w.requirement(r);
                }
            };
        }
    }

    @Override
    public Supplier<Acc> supplier() {
        return Acc::new;
    }

    @Override
    public BiFunction<Acc, Workload, Runnable> accumulator() {
        return Acc::add;
    }

    @Override
    public Function<Acc, MovedOutLoad> finisher() {
        return acc -> new MovedOutLoad(acc.node, acc.usage.clone());
    }
}
