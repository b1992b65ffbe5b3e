package dev.computeplan.placement.bench;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.solver.GpuClassBalance;
import dev.computeplan.placement.solver.NodeLoad;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's soft rules on GPU placement as the online scorer, at their default weights: for each feasible
 * (node, GPU) choice, the change of the {@code fragmentation} penalty (sum over probes of popularity x
 * {@link NodeLoad#fragmentMilli}, the engine's code on the node's actual GPU layout), of the {@code balanceCost}
 * penalty of the given objectives ({@link #gpuBalances}) and of the {@code gpuClassBalance} penalty
 * ({@link GpuClassBalance#penalty} of the node's GPU class); the smallest increase wins, first node on ties. This is
 * the score difference Timefold's recommendation would report.
 */
final class EnginePolicy {

    /** The engine's resources in this benchmark: cpu (milli), memory (MiB) and the GPU milli mirror. */
    static final List<Resource> RESOURCES = List.of(
            new Resource(0, "cpu", false, 0),
            new Resource(1, "memory", false, 0),
            new Resource(2, "gpu", false, 0, true));

    private EnginePolicy() {}

    /** Without {@code withClassBalance}: the fragmentation rule (and the given balances) alone. */
    static Policy of(
            List<Shape> shapes, List<BalanceObjective> balances, ClusterState state, boolean withClassBalance) {
        int n = state.cpuFree.length;
        List<FragmentationProbe> probes = probes(shapes);
        Node[] nodes = new Node[n];
        long[][] capacity = new long[n][];
        Map<String, Integer> classIndex = new HashMap<>();
        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            capacity[i] = new long[] {state.cpuFree[i], state.memFree[i], state.gpuUsed[i].length * 1000L};
            nodes[i] = new Node(i, "n" + i, capacity[i], capacity[i], "z", "d")
                    .withGpus(state.gpuUsed[i].length, state.model[i]);
            classOf[i] = classIndex.computeIfAbsent(GpuClassBalance.gpuClass(nodes[i]), k -> classIndex.size());
        }
        long[] classCapacity = new long[classIndex.size()];
        long[] classPopularity = new long[classIndex.size()];
        for (int i = 0; i < n; i++) {
            classCapacity[classOf[i]] += state.gpuUsed[i].length * 1000L;
            classPopularity[classOf[i]] = GpuClassBalance.popularity(probes, state.model[i]);
        }
        return (s, p) -> {
            long[] classUsed = new long[classCapacity.length];
            for (int i = 0; i < n; i++) {
                for (int u : s.gpuUsed[i]) {
                    classUsed[classOf[i]] += u;
                }
            }
            Policy.Choice best = null;
            long bestDelta = Long.MAX_VALUE;
            for (int node = 0; node < n; node++) {
                int[] g = s.gpuChoice(node, p);
                if (g == null) {
                    continue;
                }
                long before = cost(s, nodes[node], capacity[node], probes, balances, null, null);
                int c = classOf[node];
                long classBalance = !withClassBalance || p.gpuMilli() == 0
                        ? 0
                        : GpuClassBalance.penalty(classPopularity[c], classUsed[c] + p.gpuMilli(), classCapacity[c])
                                - GpuClassBalance.penalty(classPopularity[c], classUsed[c], classCapacity[c]);
                int[][] options = p.share() ? shareOptions(s.gpuUsed[node], p.milli()) : new int[][] {g};
                for (int[] option : options) {
                    long delta =
                            cost(s, nodes[node], capacity[node], probes, balances, p, option) - before + classBalance;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = new Policy.Choice(node, option);
                    }
                }
            }
            return best;
        };
    }

    /** The engine's fragmentation probes for the typical shapes: requirements (cpu, memory, gpu), popularity x 10,000. */
    static List<FragmentationProbe> probes(List<Shape> shapes) {
        List<FragmentationProbe> probes = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape m = shapes.get(i);
            boolean share = m.gpus() == 1 && m.milli() < 1000;
            probes.add(new FragmentationProbe(
                    "shape" + i,
                    new long[] {m.cpu(), m.mem(), 0},
                    share ? 0 : m.gpus(),
                    share ? m.milli() : 0,
                    Math.round(m.popularity() * 10_000),
                    m.gpuTypes()));
        }
        return probes;
    }

    private static int[][] shareOptions(int[] used, int milli) {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < used.length; g++) {
            if (used[g] + milli <= 1000) {
                out.add(new int[] {g});
            }
        }
        return out.toArray(new int[0][]);
    }

    /** The node's fragmentation and balance penalties (the engine's rule code), optionally after placing p. */
    private static long cost(
            ClusterState s,
            Node node,
            long[] capacity,
            List<FragmentationProbe> probes,
            List<BalanceObjective> balances,
            Pod p,
            int[] gpus) {
        int[] used = s.gpuUsed[node.getIndex()].clone();
        long gpuUsed = 0;
        for (int u : used) {
            gpuUsed += u;
        }
        long[] usage = {capacity[0] - s.cpuFree[node.getIndex()], capacity[1] - s.memFree[node.getIndex()], gpuUsed};
        if (p != null) {
            usage[0] += p.cpu();
            usage[1] += p.mem();
            usage[2] += p.gpuMilli();
            for (int g : gpus) {
                used[g] += p.share() ? p.milli() : 1000;
            }
        }
        NodeLoad load = new NodeLoad(node, usage, 0, 1, new GpuPacking(used, new int[0], 0));
        long total = 0;
        for (FragmentationProbe probe : probes) {
            total += probe.popularity() * load.fragmentMilli(probe);
        }
        for (BalanceObjective b : balances) {
            total += b.weight() * load.balanceShortfall(b);
        }
        return total;
    }

    /**
     * Free CPU and memory per free GPU milli to keep on every node (the engine's balance rule on its {@code gpu}
     * resource): the targets are the pods' total CPU and memory per total GPU milli, so a node that runs out of CPU
     * or memory with GPUs free is charged for them; weight = full probe popularity / target x {@code weight}, so at
     * weight 1 an unbacked milli-GPU costs as much as a fragment milli of a shape every pod has. Weight 0: none.
     */
    static List<BalanceObjective> gpuBalances(List<Pod> pods, double weight) {
        if (weight == 0) {
            return List.of();
        }
        long cpu = 0;
        long mem = 0;
        long gpu = 0;
        for (Pod p : pods) {
            cpu += p.cpu();
            mem += p.mem();
            gpu += p.gpuMilli();
        }
        Resource cpuR = RESOURCES.get(0);
        Resource memR = RESOURCES.get(1);
        Resource gpuR = RESOURCES.get(2);
        long cpuTarget = Math.round((double) cpu / gpu);
        long memTarget = Math.round((double) mem / gpu);
        return List.of(
                new BalanceObjective("cpu-per-gpu", gpuR, cpuR, cpuTarget, Math.round(weight * 10_000 / cpuTarget)),
                new BalanceObjective("memory-per-gpu", gpuR, memR, memTarget, Math.round(weight * 10_000 / memTarget)));
    }
}
