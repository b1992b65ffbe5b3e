package dev.computeplan.placement.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OpenB online placement benchmark (the FGD paper's protocol, see ../shared/data/README.md): every pod arrives
 * once, in a seeded shuffled order padded by redraws to 130% of GPU capacity, is placed on arrival or dropped,
 * nothing moves. Policies, all on the same simulator: best-fit as the paper defines it and our GPU-first best-fit,
 * FGD (integer sigmoid score, seeded node order on ties) and the product's online decision ({@link ProductPolicy}).
 * Run by benchmarks/placement-openb.sh.
 */
final class OpenbRun {

    static final String HEADER =
            "| trace | policy | GPU alloc at 100% | GPU alloc at 130% | decision p50 / p99 ms | seeds | at 130% per seed |\n"
                    + "|---|---|---|---|---|---|---|\n";

    private OpenbRun() {}

    /** Averages over seeds 0..seeds-1 of every trace and policy; prints the table and writes target/openb-table.md. */
    static String run(int seeds, List<String> traces, List<String> policies, double balanceWeight) throws IOException {
        Path data = OpenbTrace.dataDir();
        List<String[]> nodes = OpenbTrace.nodes(data);
        StringBuilder table = new StringBuilder(HEADER);
        for (String trace : traces) {
            List<Pod> pods = OpenbTrace.pods(data, trace);
            for (String policyName : policies) {
                double at100 = 0;
                double at130 = 0;
                List<Long> nanos = new ArrayList<>();
                StringBuilder perSeed = new StringBuilder();
                for (int seed = 0; seed < seeds; seed++) {
                    ClusterState state = new ClusterState(nodes);
                    Policy policy = policy(policyName, pods, nodes, balanceWeight, state, seed);
                    double[] r = simulate(state, OpenbTrace.arrivals(pods, state, seed), policy, nanos);
                    at100 += r[0];
                    at130 += r[1];
                    perSeed.append(String.format(Locale.ROOT, "%s%.2f", perSeed.isEmpty() ? "" : " ", 100 * r[1]));
                }
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.2f%% | %.2f%% | %s | %d | %s |%n",
                        trace,
                        policyName,
                        100 * at100 / seeds,
                        100 * at130 / seeds,
                        percentiles(nanos),
                        seeds,
                        perSeed));
                System.err.println("OPENB " + trace + " " + policyName + " " + at100 / seeds + " " + at130 / seeds
                        + " per seed " + perSeed + " latency " + percentiles(nanos));
            }
        }
        Files.writeString(Path.of("target/openb-table.md"), table.toString());
        return table.toString();
    }

    /**
     * Decision latency on a synthetic cluster of about {@code gpus} GPUs (OpenB's GPU nodes repeated), the default
     * trace's pods arriving to 130% of its capacity, seed 0: p50 / p99 per policy.
     */
    static String latency(int gpus, List<String> policies) throws IOException {
        Path data = OpenbTrace.dataDir();
        List<String[]> openb = OpenbTrace.nodes(data);
        List<String[]> nodes = new ArrayList<>();
        int total = 0;
        for (int i = 0; total < gpus; i++) {
            String[] f = openb.get(i % openb.size()).clone();
            f[0] = "s" + i;
            total += Integer.parseInt(f[3]);
            nodes.add(f);
        }
        List<Pod> pods = OpenbTrace.pods(data, "default");
        StringBuilder out =
                new StringBuilder("| cluster | policy | decisions | decision p50 / p99 ms | GPU alloc at 130% |\n"
                        + "|---|---|---|---|---|\n");
        for (String policyName : policies) {
            ClusterState state = new ClusterState(nodes);
            Policy policy = policy(policyName, pods, nodes, 1, state, 0);
            List<Long> nanos = new ArrayList<>();
            double[] r = simulate(state, OpenbTrace.arrivals(pods, state, 0), policy, nanos);
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d nodes, %,d GPUs | %s | %,d | %s | %.2f%% |%n",
                    nodes.size(),
                    total,
                    policyName,
                    nanos.size(),
                    percentiles(nanos),
                    100 * r[1]));
            System.err.println("LATENCY " + policyName + " " + percentiles(nanos));
        }
        return out.toString();
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                "%.3f / %.3f",
                sorted[(int) (0.50 * (sorted.length - 1))] / 1e6,
                sorted[(int) (0.99 * (sorted.length - 1))] / 1e6);
    }

    private static Policy policy(
            String name, List<Pod> pods, List<String[]> nodes, double balanceWeight, ClusterState state, int seed) {
        return switch (name) {
            case "best-fit" -> BaselinePolicies.bestFitPaper(state, seed);
            case "best-fit-gpu-first" -> BaselinePolicies::bestFitGpuFirst;
            case "fgd" -> BaselinePolicies.fgd(Shape.typical(pods, false), state, seed);
            case "product" ->
                new ProductPolicy(nodes, Shape.typical(pods, true), OpenbObjectives.gpuBalances(pods, balanceWeight));
            default -> throw new IllegalArgumentException("unknown policy " + name);
        };
    }

    /** Allocation ratio when the submitted GPU request reaches 100% and at the end (130%); ms per placement. */
    static double[] simulate(ClusterState s, List<Pod> arrivals, Policy policy, List<Long> nanos) {
        long capacity = s.gpuCapacityMilli();
        long submitted = 0;
        double at100 = -1;
        long start = System.nanoTime();
        for (Pod p : arrivals) {
            submitted += p.gpuMilli();
            long t0 = System.nanoTime();
            Policy.Choice c = policy.choose(s, p);
            nanos.add(System.nanoTime() - t0);
            if (c != null) {
                s.apply(p, c);
            }
            if (at100 < 0 && submitted >= capacity) {
                at100 = (double) s.allocated / capacity;
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / arrivals.size();
        return new double[] {at100 < 0 ? (double) s.allocated / capacity : at100, (double) s.allocated / capacity, ms};
    }
}
