package dev.computeplan.placement.solver;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sums the workloads of one node into a {@link NodeLoad}: O(R) per added or removed workload plus a
 * re-pack of the node's fractional GPU shares (few per node), so a move costs O(R + k log k), never O(n).
 */
public final class NodeLoadCollector implements UniConstraintCollector<Workload, NodeLoadCollector.Acc, NodeLoad> {

    /** One shared instance so that every constraint built on it shares the same grouping node. */
    public static final NodeLoadCollector INSTANCE = new NodeLoadCollector();

    private NodeLoadCollector() {}

    /** Mutable running sums for one node. */
    public static final class Acc {
        private Node node;
        private long[] usage;
        private int wholeGpus;
        private final List<Integer> shares = new ArrayList<>();
        private long power;
        private int count;

        private Runnable add(Workload w) {
            if (usage == null) {
                node = w.getNode();
                usage = new long[node.resourceCount()];
            }
            Node at = node;
            int n = Math.min(usage.length, w.resourceCount());
            for (int r = 0; r < n; r++) {
                usage[r] += w.requirement(r);
            }
            int gpus = w.getGpus();
            Integer share = gpus == 0 && w.getGpuMilli() > 0 ? Integer.valueOf(w.getGpuMilli()) : null;
            wholeGpus += gpus;
            if (share != null) {
                shares.add(share);
            }
            long watts = w.getPowerWatts();
            power += watts;
            count++;
            return () -> {
                for (int r = 0; r < n; r++) {
                    usage[r] -= w.requirement(r);
                }
                wholeGpus -= gpus;
                if (share != null) {
                    shares.remove(share);
                }
                power -= watts;
                count--;
                assert at == node;
            };
        }

        private NodeLoad finish() {
            int[] s = new int[shares.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = shares.get(i);
            }
            return new NodeLoad(node, usage.clone(), power, count, GpuPacking.pack(node.getGpuCount(), wholeGpus, s));
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
    public Function<Acc, NodeLoad> finisher() {
        return Acc::finish;
    }
}
