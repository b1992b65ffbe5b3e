package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the engine picks its search and sets up its parallel annealing runs. */
class AnnealingRunsTest {

    private static final PlacementEngineSettings DEFAULTS = PlacementEngineSettings.defaults();

    /**
     * {@code nodes} nodes of capacity 1,000 and safety 5 in one resource (load cost weight 3, transient or not);
     * {@code placed} new workloads of 1 on node 0 and {@code pending} unplaced ones.
     */
    private static PlacementSolution cluster(int nodes, int placed, int pending, boolean transientResource) {
        Resource r = new Resource(0, "cpu", transientResource, 3L);
        List<Node> nodeList = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            nodeList.add(new Node(i, "n" + i, new long[] {1_000}, new long[] {5}, "z", "z"));
        }
        List<Workload> workloads = new ArrayList<>();
        for (int i = 0; i < placed + pending; i++) {
            Workload w = new Workload("w" + i, new long[] {1}, null, null, 0L);
            workloads.add(i < placed ? w.withNode(nodeList.get(0)) : w);
        }
        return new PlacementSolution(List.of(r), nodeList, List.of(), List.of(), List.of(), workloads);
    }

    @Test
    void autoAnnealsUnlessMoreThanTheSetShareOfTheWorkStartsPending() {
        assertThat(AnnealingRuns.anneal(cluster(2, 100, 0, false), DEFAULTS)).isTrue();
        assertThat(AnnealingRuns.anneal(cluster(2, 95, 5, false), DEFAULTS)).isTrue();
        assertThat(AnnealingRuns.anneal(cluster(2, 94, 6, false), DEFAULTS)).isFalse();
        assertThat(AnnealingRuns.anneal(
                        cluster(2, 94, 6, false), DEFAULTS.withSearch(PlacementEngineSettings.Search.ANNEALING)))
                .isTrue();
        assertThat(AnnealingRuns.anneal(
                        cluster(2, 100, 0, false), DEFAULTS.withSearch(PlacementEngineSettings.Search.LATE_ACCEPTANCE)))
                .isFalse();
    }

    @Test
    void temperatureIsAShareOfTheInitialCostScaledDownBeyondTheReferenceClusterSize() {
        // 40 units on node 0, 35 above its safety capacity of 5, at weight 3: cost 105
        PlacementSolution small = cluster(4, 40, 0, false);
        PlacementEngineSettings hot = new PlacementEngineSettings(
                PlacementEngineSettings.Search.AUTO,
                2,
                5,
                5,
                0.1,
                10,
                100,
                1_000,
                true,
                0.9,
                java.time.Duration.ZERO,
                0L);
        assertThat(AnnealingRuns.laterTemperature(small, hot)).isEqualTo(10L);
        assertThat(AnnealingRuns.laterTemperature(cluster(400, 40, 0, false), hot))
                .as("a quarter on four times the reference size")
                .isEqualTo(2L);
        PlacementEngineSettings fewWorkloads = new PlacementEngineSettings(
                PlacementEngineSettings.Search.AUTO, 2, 5, 5, 0.1, 10, 100, 20, true, 0.9, java.time.Duration.ZERO, 0L);
        assertThat(AnnealingRuns.laterTemperature(small, fewWorkloads))
                .as("half on twice the reference number of workloads")
                .isEqualTo(5L);
    }

    @Test
    void capacityIsRelaxedOnlyWithATransientResourceAtTheLargestLoadCostWeight() {
        assertThat(AnnealingRuns.capacityPrice(cluster(2, 1, 0, true), DEFAULTS))
                .isEqualTo(3.0);
        assertThat(AnnealingRuns.capacityPrice(cluster(2, 1, 0, false), DEFAULTS))
                .isZero();
        PlacementEngineSettings strict = new PlacementEngineSettings(
                PlacementEngineSettings.Search.AUTO,
                2,
                5,
                5,
                0.001,
                10,
                100,
                1_000,
                false,
                0.9,
                java.time.Duration.ZERO,
                0L);
        assertThat(AnnealingRuns.capacityPrice(cluster(2, 1, 0, true), strict)).isZero();
    }

    @Test
    void oneRunPerThreadWithConsecutiveSeedsMeetingOnceBetweenTwoSearches() {
        SolverOptions base =
                SolverOptions.builder(Duration.ofSeconds(10)).seed(7).build();
        List<SolverOptions> runs =
                AnnealingRuns.options(cluster(2, 10, 0, false), base, DEFAULTS.withThreads(3), base.timeLimit());
        assertThat(runs).extracting(SolverOptions::seed).containsExactly(7L, 8L, 9L);
        assertThat(runs).allSatisfy(o -> {
            assertThat(o.search()).isEqualTo(PlacementSolverConfig.Search.SIMULATED_ANNEALING);
            assertThat(o.searches()).isEqualTo(2);
            assertThat(o.meetings()).hasSize(1).isEqualTo(runs.get(0).meetings());
        });
        assertThat(AnnealingRuns.options(cluster(2, 10, 0, false), base, DEFAULTS.withThreads(1), base.timeLimit())
                        .get(0)
                        .meetings())
                .isEmpty();
    }
}
