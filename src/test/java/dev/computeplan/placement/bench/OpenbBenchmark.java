package dev.computeplan.placement.bench;

import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.FragmentationProbe;
import dev.computeplan.placement.domain.GpuPacking;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.solver.GpuClassBalance;
import dev.computeplan.placement.solver.NodeLoad;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * OpenB online placement benchmark (the FGD paper's protocol, see ../shared/data/README.md): every pod arrives
 * once, in a seeded shuffled order padded by redraws to 130% of GPU capacity, is placed on arrival or dropped,
 * nothing moves. Policies, all on the same simulator: best-fit, FGD (integer sigmoid score, seeded node order on
 * ties) and the engine's own soft rules (fragmentation + gpuClassBalance + the balance of free CPU and memory per
 * free GPU, exact score difference, first node on ties).
 * Not a unit test: run by benchmarks/placement-openb.sh with -Dopenb.seeds=N.
 */
class OpenbBenchmark {

    record Pod(String name, long cpu, long mem, int gpus, int milli, String[] spec) {
        long gpuMilli() {
            return gpus == 1 ? milli : gpus * 1000L;
        }

        boolean share() {
            return gpus == 1 && milli < 1000;
        }
    }

    /** A typical pod shape; {@code gpuTypes} empty = any GPU type. */
    record Shape(long cpu, long mem, int gpus, int milli, double popularity, Set<String> gpuTypes) {
    }

    static final class State {
        final long[] cpuFree;
        final long[] memFree;
        final int[][] gpuUsed;
        final String[] model;
        long allocated;

        State(List<String[]> nodes) {
            int n = nodes.size();
            cpuFree = new long[n];
            memFree = new long[n];
            gpuUsed = new int[n][];
            model = new String[n];
            for (int i = 0; i < n; i++) {
                String[] f = nodes.get(i);
                cpuFree[i] = Long.parseLong(f[1]);
                memFree[i] = Long.parseLong(f[2]);
                gpuUsed[i] = new int[Integer.parseInt(f[3])];
                model[i] = f[4];
            }
        }
    }

    /** A placement choice: node and the GPUs used (empty for CPU-only pods). */
    record Choice(int node, int[] gpus) {
    }

    interface Policy {
        Choice choose(State s, Pod p);
    }

    @Test
    void run() throws IOException {
        String seedsProperty = System.getProperty("openb.seeds");
        Assumptions.assumeTrue(seedsProperty != null, "benchmark: run with -Dopenb.seeds=N");
        Path data = Files.isDirectory(Path.of("../shared/data/openb")) ? Path.of("../shared/data/openb") : Path.of("/work/shared/data/openb");
        int seeds = Integer.parseInt(seedsProperty);
        List<String[]> nodes = csv(data.resolve("openb_node_list_gpu_node.csv"));
        StringBuilder table = new StringBuilder();
        table.append("| trace | policy | GPU alloc at 100% | GPU alloc at 130% | ms/pod | seeds | at 130% per seed |\n|---|---|---|---|---|---|---|\n");
        for (String trace : System.getProperty("openb.traces", "default,gpuspec33").split(",")) {
            List<Pod> pods = pods(data.resolve("openb_pod_list_" + trace + ".csv"));
            List<Shape> shapes = typicalShapes(pods, false);
            List<Shape> typedShapes = typicalShapes(pods, true);
            List<BalanceObjective> balances = gpuBalances(pods);
            for (String policyName : System.getProperty("openb.policies", "best-fit,fgd,engine").split(",")) {
                double at100 = 0;
                double at130 = 0;
                double msPerPod = 0;
                StringBuilder perSeed = new StringBuilder();
                for (int seed = 0; seed < seeds; seed++) {
                    State state = new State(nodes);
                    Policy policy = switch (policyName) {
                        case "best-fit" -> OpenbBenchmark::bestFit;
                        case "fgd" -> fgd(shapes, state, seed);
                        case "engine" -> engine(typedShapes, balances, state, true);
                        case "engine-unbalanced" -> engine(typedShapes, List.of(), state, true);
                        case "engine-untyped" -> engine(shapes, List.of(), state, true);
                        case "engine-fragmentation" -> engine(shapes, List.of(), state, false);
                        default -> throw new IllegalArgumentException("unknown policy " + policyName);
                    };
                    double[] r = simulate(state, arrivals(pods, state, seed), policy);
                    at100 += r[0];
                    at130 += r[1];
                    msPerPod += r[2];
                    perSeed.append(String.format(Locale.ROOT, "%s%.2f", perSeed.isEmpty() ? "" : " ", 100 * r[1]));
                }
                table.append(String.format(Locale.ROOT, "| %s | %s | %.2f%% | %.2f%% | %.3f | %d | %s |%n", trace, policyName,
                        100 * at100 / seeds, 100 * at130 / seeds, msPerPod / seeds, seeds, perSeed));
                System.out.println("OPENB " + trace + " " + policyName + " " + at100 / seeds + " " + at130 / seeds + " per seed " + perSeed);
            }
        }
        System.out.println("OPENB-TABLE\n" + table);
        Files.writeString(Path.of("target/openb-table.md"), table.toString());
    }

    /**
     * Row (b), a different game: the whole 130% arrival list of seed 0 solved at once by the engine (Timefold,
     * the same path as the API), pending cost = the pod's GPU demand, so the medium score is the unallocated GPU.
     */
    @Test
    void batch() throws IOException {
        String secondsProperty = System.getProperty("openb.batchSeconds");
        Assumptions.assumeTrue(secondsProperty != null, "benchmark: run with -Dopenb.batchSeconds=N");
        Path data = Files.isDirectory(Path.of("../shared/data/openb")) ? Path.of("../shared/data/openb") : Path.of("/work/shared/data/openb");
        List<String[]> nodes = csv(data.resolve("openb_node_list_gpu_node.csv"));
        StringBuilder table = new StringBuilder("| trace | policy | GPU alloc (130% submitted) | seconds |\n|---|---|---|---|\n");
        for (String trace : System.getProperty("openb.traces", "default,gpuspec33").split(",")) {
            List<Pod> pods = pods(data.resolve("openb_pod_list_" + trace + ".csv"));
            List<Pod> arrivals = arrivals(pods, new State(nodes), 0);
            List<dev.computeplan.placement.api.PlacementRequest.NodeDto> nodeDtos = new ArrayList<>();
            long capacity = 0;
            for (String[] f : nodes) {
                nodeDtos.add(new dev.computeplan.placement.api.PlacementRequest.NodeDto(f[0],
                        Map.of("cpu", Long.parseLong(f[1]), "memory", Long.parseLong(f[2])), null, "z", null, null,
                        Integer.parseInt(f[3]), f[4], null, null));
                capacity += Integer.parseInt(f[3]) * 1000L;
            }
            List<dev.computeplan.placement.api.PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); i++) {
                Pod p = arrivals.get(i);
                workloads.add(new dev.computeplan.placement.api.PlacementRequest.WorkloadDto("pod-" + i,
                        Map.of("cpu", p.cpu(), "memory", p.mem()), p.share() ? 0 : p.gpus(), p.share() ? p.milli() : 0,
                        List.of(p.spec()), List.of(), Math.max(1L, p.gpuMilli()), null, null, null, null, null, null));
            }
            dev.computeplan.placement.api.PlacementRequest req = new dev.computeplan.placement.api.PlacementRequest(
                    null, nodeDtos, null, null, null, workloads, null, null, null, null, Map.of("powerDraw", 0L));
            int seconds = Integer.parseInt(secondsProperty);
            dev.computeplan.placement.domain.PlacementSolution best = new dev.computeplan.placement.solver.PlacementSolver(dev.computeplan.placement.solver.PlacementSolverSettings.defaults()).solve(
                    dev.computeplan.placement.api.PlacementMapper.toDomain(req, null), java.time.Duration.ofSeconds(seconds),
                    stop -> { }, b -> { });
            dev.computeplan.placement.api.PlacementPlan plan = dev.computeplan.placement.api.PlacementMapper.toPlan(best);
            dev.computeplan.placement.api.PlacementChecker.Report report = dev.computeplan.placement.api.PlacementChecker.check(req, plan);
            if (!report.feasible()) {
                throw new IllegalStateException("batch answer infeasible: " + report.violations());
            }
            double allocated = (double) plan.summary().gpuAllocatedMilli() / capacity;
            table.append(String.format(Locale.ROOT, "| %s | engine batch (Timefold) | %.2f%% | %d |%n", trace, 100 * allocated, seconds));
            System.out.println("OPENB-BATCH " + trace + " " + allocated + " " + best.getScore());
        }
        System.out.println("OPENB-BATCH-TABLE\n" + table);
        Files.writeString(Path.of("target/openb-batch-table.md"), table.toString());
    }

    /** Allocation ratio when the submitted GPU request reaches 100% and at the end (130%); ms per placement. */
    static double[] simulate(State s, List<Pod> arrivals, Policy policy) {
        long capacity = 0;
        for (int[] g : s.gpuUsed) {
            capacity += g.length * 1000L;
        }
        long submitted = 0;
        double at100 = -1;
        long start = System.nanoTime();
        for (Pod p : arrivals) {
            submitted += p.gpuMilli();
            Choice c = policy.choose(s, p);
            if (c != null) {
                apply(s, p, c);
            }
            if (at100 < 0 && submitted >= capacity) {
                at100 = (double) s.allocated / capacity;
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / arrivals.size();
        return new double[] {at100 < 0 ? (double) s.allocated / capacity : at100, (double) s.allocated / capacity, ms};
    }

    static void apply(State s, Pod p, Choice c) {
        s.cpuFree[c.node()] -= p.cpu();
        s.memFree[c.node()] -= p.mem();
        for (int g : c.gpus()) {
            s.gpuUsed[c.node()][g] += p.share() ? p.milli() : 1000;
        }
        s.allocated += p.gpuMilli();
    }

    /** The GPUs pod p would take on node n (best-fit GPU for a share, lowest free GPUs for whole), or null. */
    static int[] gpuChoice(State s, int n, Pod p) {
        if (p.cpu() > s.cpuFree[n] || p.mem() > s.memFree[n]) {
            return null;
        }
        if (p.gpus() == 0) {
            return new int[0];
        }
        if (p.spec().length > 0 && !Arrays.asList(p.spec()).contains(s.model[n])) {
            return null;
        }
        int[] used = s.gpuUsed[n];
        if (p.share()) {
            int best = -1;
            for (int g = 0; g < used.length; g++) {
                if (used[g] + p.milli() <= 1000 && (best < 0 || used[g] > used[best])) {
                    best = g;
                }
            }
            return best < 0 ? null : new int[] {best};
        }
        int[] out = new int[p.gpus()];
        int k = 0;
        for (int g = 0; g < used.length && k < out.length; g++) {
            if (used[g] == 0) {
                out[k++] = g;
            }
        }
        return k == out.length ? out : null;
    }

    /** Best-fit: the node left with the least free GPU capacity, then least free CPU share. */
    static Choice bestFit(State s, Pod p) {
        Choice best = null;
        double bestKey = Double.MAX_VALUE;
        for (int n = 0; n < s.cpuFree.length; n++) {
            int[] g = gpuChoice(s, n, p);
            if (g == null) {
                continue;
            }
            long freeGpu = 0;
            for (int u : s.gpuUsed[n]) {
                freeGpu += 1000 - u;
            }
            freeGpu -= p.gpuMilli();
            double key = freeGpu + (s.cpuFree[n] - p.cpu()) / 1e6;
            if (key < bestKey) {
                bestKey = key;
                best = new Choice(n, g);
            }
        }
        return best;
    }

    /** FGD: 100*sigmoid(fragmentation decrease / 1000) truncated to an integer, ties by a seeded node order. */
    static Policy fgd(List<Shape> shapes, State state, long seed) {
        int n = state.cpuFree.length;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 31 + 7));
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[order.get(i)] = i;
        }
        return (s, p) -> {
            Choice best = null;
            int bestScore = Integer.MIN_VALUE;
            int bestRank = Integer.MAX_VALUE;
            for (int node = 0; node < n; node++) {
                Choice c = bestGpuByFragment(s, node, p, shapes);
                if (c == null) {
                    continue;
                }
                double before = fragment(s, node, shapes, null, null);
                double after = fragment(s, node, shapes, p, c.gpus());
                int score = (int) (100.0 / (1.0 + Math.exp(-(before - after) / 1000.0)));
                if (score > bestScore || (score == bestScore && rank[node] < bestRank)) {
                    bestScore = score;
                    bestRank = rank[node];
                    best = c;
                }
            }
            return best;
        };
    }

    /** Within a node, the GPU choice that leaves the least fragmentation (shares); whole GPUs: lowest free. */
    static Choice bestGpuByFragment(State s, int node, Pod p, List<Shape> shapes) {
        int[] g = gpuChoice(s, node, p);
        if (g == null || !p.share()) {
            return g == null ? null : new Choice(node, g);
        }
        int[] used = s.gpuUsed[node];
        int best = -1;
        double bestFrag = Double.MAX_VALUE;
        for (int i = 0; i < used.length; i++) {
            if (used[i] + p.milli() <= 1000) {
                double f = fragment(s, node, shapes, p, new int[] {i});
                if (f < bestFrag) {
                    bestFrag = f;
                    best = i;
                }
            }
        }
        return new Choice(node, new int[] {best});
    }

    /** FGD node fragmentation (popularity-weighted idle GPU milli the shapes cannot use), optionally after placing p. */
    static double fragment(State s, int node, List<Shape> shapes, Pod p, int[] gpus) {
        int[] used = s.gpuUsed[node].clone();
        long cpu = s.cpuFree[node];
        long mem = s.memFree[node];
        if (p != null) {
            cpu -= p.cpu();
            mem -= p.mem();
            for (int g : gpus) {
                used[g] += p.share() ? p.milli() : 1000;
            }
        }
        long free = 0;
        int freeWhole = 0;
        int maxFree = 0;
        for (int u : used) {
            free += 1000 - u;
            freeWhole += u == 0 ? 1 : 0;
            maxFree = Math.max(maxFree, 1000 - u);
        }
        double total = 0;
        for (Shape m : shapes) {
            boolean fits = m.cpu() <= cpu && m.mem() <= mem && m.gpus() > 0
                    && (m.gpus() == 1 && m.milli() < 1000 ? maxFree >= m.milli() : freeWhole >= m.gpus());
            long f;
            if (!fits) {
                f = free;
            } else {
                int need = m.gpus() == 1 && m.milli() < 1000 ? m.milli() : 1000;
                f = 0;
                for (int u : used) {
                    if (1000 - u < need) {
                        f += 1000 - u;
                    }
                }
            }
            total += m.popularity() * f;
        }
        return total;
    }

    /**
     * The engine's soft rules on GPU placement as the online scorer, at their default weights: for each feasible
     * (node, GPU) choice, the change of the {@code fragmentation} penalty (sum over probes of popularity x
     * {@link NodeLoad#fragmentMilli}, the engine's code on the node's actual GPU layout), of the {@code balanceCost}
     * penalty of the given objectives ({@link #gpuBalances}) and of the {@code gpuClassBalance} penalty
     * ({@link GpuClassBalance#penalty} of the node's GPU class); the smallest
     * increase wins, first node on ties. This is the score difference Timefold's recommendation would report.
     * Without {@code withClassBalance}: the fragmentation rule alone (policy "engine-fragmentation").
     */
    static Policy engine(List<Shape> shapes, List<BalanceObjective> balances, State state, boolean withClassBalance) {
        int n = state.cpuFree.length;
        List<FragmentationProbe> probes = probes(shapes);
        Node[] nodes = new Node[n];
        long[][] capacity = new long[n][];
        Map<String, Integer> classIndex = new HashMap<>();
        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            capacity[i] = new long[] {state.cpuFree[i], state.memFree[i], state.gpuUsed[i].length * 1000L};
            nodes[i] = new Node(i, "n" + i, capacity[i], capacity[i], "z", "d").withGpus(state.gpuUsed[i].length, state.model[i]);
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
            Choice best = null;
            long bestDelta = Long.MAX_VALUE;
            for (int node = 0; node < n; node++) {
                int[] g = gpuChoice(s, node, p);
                if (g == null) {
                    continue;
                }
                long before = engineCost(s, nodes[node], capacity[node], probes, balances, null, null);
                int c = classOf[node];
                long classBalance = !withClassBalance || p.gpuMilli() == 0 ? 0
                        : GpuClassBalance.penalty(classPopularity[c], classUsed[c] + p.gpuMilli(), classCapacity[c])
                        - GpuClassBalance.penalty(classPopularity[c], classUsed[c], classCapacity[c]);
                int[][] options = p.share() ? shareOptions(s.gpuUsed[node], p.milli()) : new int[][] {g};
                for (int[] option : options) {
                    long delta = engineCost(s, nodes[node], capacity[node], probes, balances, p, option) - before + classBalance;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = new Choice(node, option);
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
            probes.add(new FragmentationProbe("shape" + i, new long[] {m.cpu(), m.mem(), 0}, share ? 0 : m.gpus(),
                    share ? m.milli() : 0, Math.round(m.popularity() * 10_000), m.gpuTypes()));
        }
        return probes;
    }

    static int[][] shareOptions(int[] used, int milli) {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < used.length; g++) {
            if (used[g] + milli <= 1000) {
                out.add(new int[] {g});
            }
        }
        return out.toArray(new int[0][]);
    }

    /** The node's fragmentation and balance penalties (the engine's rule code), optionally after placing p. */
    static long engineCost(State s, Node node, long[] capacity, List<FragmentationProbe> probes,
            List<BalanceObjective> balances, Pod p, int[] gpus) {
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

    /** The engine's resources in this benchmark: cpu (milli), memory (MiB) and the GPU milli mirror. */
    static final List<Resource> RESOURCES = List.of(new Resource(0, "cpu", false, 0), new Resource(1, "memory", false, 0),
            new Resource(2, "gpu", false, 0, true));

    /**
     * Free CPU and memory per free GPU milli to keep on every node (the engine's balance rule on its {@code gpu}
     * resource): the targets are the pods' total CPU and memory per total GPU milli (14 and 50 on OpenB), so a node
     * that runs out of CPU or memory with GPUs free is charged for them; weight = full probe popularity / target,
     * so an unbacked milli-GPU costs as much as a fragment milli of a shape every pod has (x openb.balanceWeight).
     */
    static List<BalanceObjective> gpuBalances(List<Pod> pods) {
        double weight = Double.parseDouble(System.getProperty("openb.balanceWeight", "1"));
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
        return List.of(new BalanceObjective("cpu-per-gpu", gpuR, cpuR, cpuTarget, Math.round(weight * 10_000 / cpuTarget)),
                new BalanceObjective("memory-per-gpu", gpuR, memR, memTarget, Math.round(weight * 10_000 / memTarget)));
    }

    /**
     * The most frequent (cpu, mem, gpus, milli) shapes covering 95% of pods, weighted by frequency; with
     * {@code typed}, the GPU types a pod may use are part of its shape.
     */
    static List<Shape> typicalShapes(List<Pod> pods, boolean typed) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Pod p : pods) {
            counts.merge(key(p, typed), 1, Integer::sum);
        }
        List<Map.Entry<List<Object>, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<List<Object>, Integer>comparingByValue().reversed()
                .thenComparing(e -> e.getKey().toString()));
        List<Map.Entry<List<Object>, Integer>> kept = new ArrayList<>();
        int covered = 0;
        for (Map.Entry<List<Object>, Integer> e : sorted) {
            if (covered >= 0.95 * pods.size()) {
                break;
            }
            covered += e.getValue();
            kept.add(e);
        }
        int total = covered;
        List<Shape> shapes = new ArrayList<>();
        for (Map.Entry<List<Object>, Integer> e : kept) {
            List<Object> k = e.getKey();
            @SuppressWarnings("unchecked")
            Set<String> types = (Set<String>) k.get(4);
            shapes.add(new Shape((Long) k.get(0), (Long) k.get(1), ((Long) k.get(2)).intValue(),
                    ((Long) k.get(3)).intValue(), (double) e.getValue() / total, types));
        }
        return shapes;
    }

    static List<Object> key(Pod p, boolean typed) {
        return List.of(p.cpu(), p.mem(), (long) p.gpus(), (long) p.milli(),
                typed ? new java.util.TreeSet<>(Arrays.asList(p.spec())) : Set.of());
    }

    /** Sorted by name, shuffled with the seed, padded with redraws until the GPU request would pass 130%. */
    static List<Pod> arrivals(List<Pod> pods, State s, long seed) {
        long capacity = 0;
        for (int[] g : s.gpuUsed) {
            capacity += g.length * 1000L;
        }
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(Pod::name));
        Random random = new Random(seed);
        Collections.shuffle(sorted, random);
        List<Pod> out = new ArrayList<>();
        long total = 0;
        int i = 0;
        while (true) {
            Pod p = i < sorted.size() ? sorted.get(i) : sorted.get(random.nextInt(sorted.size()));
            i++;
            if (total + p.gpuMilli() > 1.3 * capacity) {
                return out;
            }
            total += p.gpuMilli();
            out.add(p);
        }
    }

    static List<Pod> pods(Path file) throws IOException {
        List<Pod> out = new ArrayList<>();
        for (String[] f : csv(file)) {
            String spec = f[5].trim();
            out.add(new Pod(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                    spec.isEmpty() ? new String[0] : spec.split("\\|")));
        }
        return out;
    }

    static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
