package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.placement.domain.BalanceObjective;
import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Resource;
import dev.computeplan.placement.domain.Service;
import dev.computeplan.placement.domain.ServiceDependency;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The domain is general enough for ROADEF 2012: a minimal mapping of the challenge's instances onto the public
 * domain classes scores their initial assignment exactly at the published original cost, feasible. (The full
 * reader, writer and benchmark live in dev.computeplan.roadef; this test only guards the engine's semantics.)
 */
class RoadefCompatibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"a1_1", "a1_2", "a2_2", "a2_5"})
    void initialAssignmentScoresTheOriginalCost(String instance) throws IOException {
        Path dir = SharedData.require("roadef2012/A");
        PlacementSolution solution = map(
                tokens(dir.resolve("model_" + instance + ".txt")),
                tokens(dir.resolve("assignment_" + instance + ".txt")));
        long original = Long.parseLong(Files.readString(dir.resolve("original_cost_" + instance + ".txt"))
                .trim());

        HardMediumSoftLongScore score = PlacementSolver.solutionManager().update(solution);

        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(-score.softScore()).isEqualTo(original);
    }

    static long[] tokens(Path file) throws IOException {
        return java.util.Arrays.stream(Files.readString(file).trim().split("\\s+"))
                .mapToLong(Long::parseLong)
                .toArray();
    }

    /** ROADEF model + initial assignment onto the placement domain (locations = zones, neighbourhoods = network domains). */
    static PlacementSolution map(long[] t, long[] assignment) {
        int[] i = {0};
        java.util.function.LongSupplier next = () -> t[i[0]++];
        int r = (int) next.getAsLong();
        List<Resource> resources = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            boolean transientUsage = next.getAsLong() == 1;
            resources.add(new Resource(k, "r" + k, transientUsage, next.getAsLong()));
        }
        int m = (int) next.getAsLong();
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            String neighbourhood = "n" + next.getAsLong();
            String location = "l" + next.getAsLong();
            long[] capacity = new long[r];
            long[] safety = new long[r];
            for (int x = 0; x < r; x++) {
                capacity[x] = next.getAsLong();
            }
            for (int x = 0; x < r; x++) {
                safety[x] = next.getAsLong();
            }
            long[] moveCosts = new long[m];
            for (int x = 0; x < m; x++) {
                moveCosts[x] = next.getAsLong();
            }
            nodes.add(new Node(k, "m" + k, capacity, safety, location, neighbourhood).withMoveCosts(moveCosts));
        }
        int s = (int) next.getAsLong();
        List<Service> services = new ArrayList<>();
        List<int[]> deps = new ArrayList<>();
        for (int k = 0; k < s; k++) {
            services.add(new Service("s" + k, true, (int) next.getAsLong()));
            int count = (int) next.getAsLong();
            for (int x = 0; x < count; x++) {
                deps.add(new int[] {k, (int) next.getAsLong()});
            }
        }
        List<ServiceDependency> dependencies = deps.stream()
                .map(d -> new ServiceDependency(services.get(d[0]), services.get(d[1])))
                .toList();
        int p = (int) next.getAsLong();
        List<Workload> workloads = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            Service service = services.get((int) next.getAsLong());
            long[] req = new long[r];
            for (int x = 0; x < r; x++) {
                req[x] = next.getAsLong();
            }
            Node initial = nodes.get((int) assignment[k]);
            workloads.add(new Workload("p" + k, req, service, initial, next.getAsLong()).withNode(initial));
        }
        int b = (int) next.getAsLong();
        List<BalanceObjective> balances = new ArrayList<>();
        for (int k = 0; k < b; k++) {
            Resource r1 = resources.get((int) next.getAsLong());
            Resource r2 = resources.get((int) next.getAsLong());
            long target = next.getAsLong();
            balances.add(new BalanceObjective("b" + k, r1, r2, target, next.getAsLong()));
        }
        long processMove = next.getAsLong();
        long serviceMove = next.getAsLong();
        long machineMove = next.getAsLong();
        return new PlacementSolution(resources, nodes, services, dependencies, balances, workloads)
                .withConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(
                        PlacementConstraintProvider.PROCESS_MOVE, HardMediumSoftLongScore.ofSoft(processMove),
                        PlacementConstraintProvider.SERVICE_MOVE, HardMediumSoftLongScore.ofSoft(serviceMove),
                        PlacementConstraintProvider.MACHINE_MOVE, HardMediumSoftLongScore.ofSoft(machineMove))));
    }
}
