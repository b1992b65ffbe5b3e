package dev.computeplan.placement.bench;

import dev.computeplan.placement.domain.BalanceObjective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * OpenB online placement benchmark (the FGD paper's protocol, see ../shared/data/README.md): every pod arrives
 * once, in a seeded shuffled order padded by redraws to 130% of GPU capacity, is placed on arrival or dropped,
 * nothing moves. Policies, all on the same simulator: best-fit, FGD (integer sigmoid score, seeded node order on
 * ties) and the engine's own soft rules (fragmentation + gpuClassBalance + the balance of free CPU and memory per
 * free GPU, exact score difference, first node on ties). Run by benchmarks/placement-openb.sh.
 */
final class OpenbRun {

    static final String HEADER =
            "| trace | policy | GPU alloc at 100% | GPU alloc at 130% | ms/pod | seeds | at 130% per seed |\n"
                    + "|---|---|---|---|---|---|---|\n";

    private OpenbRun() {}

    /** Averages over seeds 0..seeds-1 of every trace and policy; prints the table and writes target/openb-table.md. */
    static String run(int seeds, List<String> traces, List<String> policies, double balanceWeight) throws IOException {
        Path data = OpenbTrace.dataDir();
        List<String[]> nodes = OpenbTrace.nodes(data);
        StringBuilder table = new StringBuilder(HEADER);
        for (String trace : traces) {
            List<Pod> pods = OpenbTrace.pods(data, trace);
            List<Shape> shapes = Shape.typical(pods, false);
            List<Shape> typedShapes = Shape.typical(pods, true);
            List<BalanceObjective> balances = EnginePolicy.gpuBalances(pods, balanceWeight);
            for (String policyName : policies) {
                double at100 = 0;
                double at130 = 0;
                double msPerPod = 0;
                StringBuilder perSeed = new StringBuilder();
                for (int seed = 0; seed < seeds; seed++) {
                    ClusterState state = new ClusterState(nodes);
                    Policy policy = policy(policyName, shapes, typedShapes, balances, state, seed);
                    double[] r = simulate(state, OpenbTrace.arrivals(pods, state, seed), policy);
                    at100 += r[0];
                    at130 += r[1];
                    msPerPod += r[2];
                    perSeed.append(String.format(Locale.ROOT, "%s%.2f", perSeed.isEmpty() ? "" : " ", 100 * r[1]));
                }
                table.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.2f%% | %.2f%% | %.3f | %d | %s |%n",
                        trace,
                        policyName,
                        100 * at100 / seeds,
                        100 * at130 / seeds,
                        msPerPod / seeds,
                        seeds,
                        perSeed));
                System.err.println("OPENB " + trace + " " + policyName + " " + at100 / seeds + " " + at130 / seeds
                        + " per seed " + perSeed);
            }
        }
        Files.writeString(Path.of("target/openb-table.md"), table.toString());
        return table.toString();
    }

    private static Policy policy(
            String name,
            List<Shape> shapes,
            List<Shape> typedShapes,
            List<BalanceObjective> balances,
            ClusterState state,
            int seed) {
        return switch (name) {
            case "best-fit" -> BaselinePolicies::bestFit;
            case "fgd" -> BaselinePolicies.fgd(shapes, state, seed);
            case "engine" -> EnginePolicy.of(typedShapes, balances, state, true);
            case "engine-unbalanced" -> EnginePolicy.of(typedShapes, List.of(), state, true);
            case "engine-untyped" -> EnginePolicy.of(shapes, List.of(), state, true);
            case "engine-fragmentation" -> EnginePolicy.of(shapes, List.of(), state, false);
            default -> throw new IllegalArgumentException("unknown policy " + name);
        };
    }

    /** Allocation ratio when the submitted GPU request reaches 100% and at the end (130%); ms per placement. */
    static double[] simulate(ClusterState s, List<Pod> arrivals, Policy policy) {
        long capacity = s.gpuCapacityMilli();
        long submitted = 0;
        double at100 = -1;
        long start = System.nanoTime();
        for (Pod p : arrivals) {
            submitted += p.gpuMilli();
            Policy.Choice c = policy.choose(s, p);
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
