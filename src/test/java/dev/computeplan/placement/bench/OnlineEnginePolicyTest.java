package dev.computeplan.placement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.explain.PlacementRecommendation;
import dev.computeplan.placement.explain.PlacementRecommender;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenB benchmark's online "engine" policy computes each node's score difference directly from the rules' code
 * (for speed over the trace's nodes). Here, on a small cluster, every pod's choice is checked against Timefold's
 * recommendation on the same state (constraint streams): the chosen node has the best soft difference among the
 * feasible nodes, and no pod is dropped while a node fits it. Whole-GPU pods only: for shares the benchmark tracks its
 * own GPU indices while the engine re-packs a node's shares, so their layouts may differ.
 */
class OnlineEnginePolicyTest {

    @Test
    void eachChoiceIsTheRecommendationsBest() {
        List<String[]> nodeRows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodeRows.add(new String[] {"g" + i, "96000", "393216", "8", "G2"});
            nodeRows.add(new String[] {"t" + i, "104000", "524288", "2", "T4"});
            nodeRows.add(new String[] {"p" + i, "16000", "122880", "2", "P100"});
        }
        Random random = new Random(11);
        long[][] shapes = {
            {12000, 16384, 1},
            {6000, 32768, 1},
            {24000, 65536, 2},
            {40000, 131072, 4},
            {4000, 8192, 1},
            {30000, 98304, 1},
            {64000, 262144, 8}
        };
        String[][] specs = {{}, {}, {"T4"}, {"G2", "P100"}};
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long[] s = shapes[random.nextInt(shapes.length)];
            pods.add(new Pod("pod" + i, s[0], s[1], (int) s[2], 1000, specs[random.nextInt(specs.length)]));
        }
        ClusterState state = new ClusterState(nodeRows);
        List<Shape> typical = Shape.typical(pods, true);
        List<BalanceObjective> balances = EnginePolicy.gpuBalances(pods, 1);
        assertThat(balances).hasSize(2);
        Policy policy = EnginePolicy.of(typical, balances, state, true);
        PlacementRecommender recommender = new PlacementRecommender(PlacementSolver.solutionManager());

        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < nodeRows.size(); i++) {
            String[] f = nodeRows.get(i);
            long[] capacity = {Long.parseLong(f[1]), Long.parseLong(f[2]), 1000L * Integer.parseInt(f[3])};
            nodes.add(new Node(i, f[0], capacity, capacity, "z", "d").withGpus(Integer.parseInt(f[3]), f[4]));
        }
        List<Workload> placed = new ArrayList<>();
        int chosen = 0;
        int dropped = 0;
        for (Pod p : pods) {
            Policy.Choice choice = policy.choose(state, p);
            List<Workload> workloads = new ArrayList<>(placed);
            Workload arriving = workload(p, "arriving");
            workloads.add(arriving);
            PlacementSolution solution = new PlacementSolution(
                    EnginePolicy.RESOURCES,
                    nodes,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    balances,
                    EnginePolicy.probes(typical),
                    List.of(),
                    workloads);
            PlacementRecommendation rec =
                    recommender.recommend(solution, "arriving", nodes.size()).orElseThrow();
            List<PlacementRecommendation.Option> feasible = rec.options().stream()
                    .filter(PlacementRecommendation.Option::feasible)
                    .toList();
            if (choice == null) {
                assertThat(feasible)
                        .as("%s dropped while a node fits", p.name())
                        .isEmpty();
                dropped++;
                continue;
            }
            long best = feasible.stream().mapToLong(o -> soft(o)).max().orElseThrow();
            PlacementRecommendation.Option mine = feasible.stream()
                    .filter(o -> o.node().equals(nodes.get(choice.node()).getId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(soft(mine)).as("%s on %s", p.name(), mine.node()).isEqualTo(best);
            state.apply(p, choice);
            placed.add(workload(p, p.name()).withNode(nodes.get(choice.node())));
            chosen++;
        }
        assertThat(chosen).isGreaterThan(20);
        assertThat(dropped).isPositive();
    }

    private static long soft(PlacementRecommendation.Option o) {
        return HardMediumSoftLongScore.parseScore(o.scoreDiff()).softScore();
    }

    private static Workload workload(Pod p, String id) {
        return new Workload(id, new long[] {p.cpu(), p.mem(), p.gpuMilli()}, null, null, 0)
                .withGpus(p.gpus(), 0)
                .withGpuTypes(Set.of(p.spec()), Set.of());
    }
}
