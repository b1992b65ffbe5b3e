package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.domain.Workload;
import dev.computeplan.placement.explain.PlacementChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Small requests whose right answer is known, one per Kubernetes semantic: preemption only of strictly lower
 * priorities, lexicographic priorities (no sums), gangs, victims as kube-scheduler picks them, disruption budgets,
 * the default move cost, topology spread. Each plan is also re-checked by the independent checker.
 */
class KubernetesSemanticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String node(String id, int gpus, String extra) {
        return """
                {"id":"%s","capacity":{"cpu":64000},"zone":"z1","gpus":%d,"gpuType":"A100"%s}""".formatted(id, gpus, extra);
    }

    private static String pod(String id, int gpus, long priority, String currentNode, String extra) {
        return """
                {"id":"%s","requirements":{"cpu":1000},"gpus":%d,"priority":%d%s%s}""".formatted(
                id, gpus, priority, currentNode == null ? "" : ",\"currentNode\":\"" + currentNode + "\"", extra);
    }

    private static PlacementRequest request(List<String> nodes, List<String> pods, String extra) {
        String json = "{\"nodes\":[%s],\"workloads\":[%s]%s}"
                .formatted(String.join(",", nodes), String.join(",", pods), extra);
        try {
            PlacementRequest req = JSON.readValue(json, PlacementRequest.class);
            assertThat(PlacementValidator.validate(req)).isEmpty();
            return req;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Node per workload after a short batch solve; the checker must find the plan feasible and agree on medium. */
    private static Map<String, String> solve(PlacementRequest req) {
        PlacementSolution solved = new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(
                        PlacementMapper.toDomain(req, null),
                        SolverOptions.builder(Duration.ofSeconds(20))
                                .seed(PlacementSolverSettings.defaults().seed())
                                .unimprovedLimit(Duration.ofSeconds(2))
                                .stepLimit(500)
                                .build(),
                        stop -> {},
                        best -> {});
        PlacementPlan plan = PlacementMapper.toPlan(solved);
        PlacementChecker.Report report = PlacementChecker.check(req, plan);
        assertThat(report.violations()).isEmpty();
        assertThat(report.medium()).isEqualTo(-solved.getScore().mediumScore());
        assertThat(report.soft()).isEqualTo(-solved.getScore().softScore());
        Map<String, String> at = new java.util.HashMap<>();
        for (Workload w : solved.getWorkloads()) {
            at.put(w.getId(), w.getNode() == null ? "pending" : w.getNode().getId());
        }
        return at;
    }

    @Test
    void aNewcomerNeverEvictsARunningWorkloadOfTheSamePriorityEvenIfItDrawsLess() {
        PlacementRequest req = request(
                List.of(node("n1", 8, "")),
                List.of(
                        pod("running", 8, 5, "n1", ",\"moveCost\":100000,\"powerWatts\":1000"),
                        pod("newcomer", 8, 5, null, ",\"powerWatts\":600")),
                "");
        Map<String, String> at = solve(req);
        assertThat(at).containsEntry("running", "n1").containsEntry("newcomer", "pending");
    }

    @Test
    void twoRunningPriorityTwoPodsDoNotBlockAPriorityThreePod() {
        PlacementRequest req = request(
                List.of(node("n1", 8, "")),
                List.of(pod("low-a", 4, 2, "n1", ""), pod("low-b", 4, 2, "n1", ""), pod("high", 8, 3, null, "")),
                "");
        Map<String, String> at = solve(req);
        assertThat(at)
                .containsEntry("high", "n1")
                .containsEntry("low-a", "pending")
                .containsEntry("low-b", "pending");
    }

    @Test
    void preemptionPolicyNeverLeavesTheNewcomerPending() {
        PlacementRequest req = request(
                List.of(node("n1", 8, "")),
                List.of(pod("low", 8, 1, "n1", ""), pod("high", 8, 10, null, ",\"preemptionPolicy\":\"Never\"")),
                "");
        assertThat(solve(req)).containsEntry("low", "n1").containsEntry("high", "pending");
    }

    @Test
    void victimsAreTheLowestPriorityFirstThenTheFewest() {
        // n1: one priority-1 pod; n2: one priority-2 pod; n3: two priority-1 pods. The newcomer takes n1.
        PlacementRequest req = request(
                List.of(node("n1", 8, ""), node("n2", 8, ""), node("n3", 8, "")),
                List.of(
                        pod("p1-single", 8, 1, "n1", ""),
                        pod("p2-single", 8, 2, "n2", ""),
                        pod("p1-half-a", 4, 1, "n3", ""),
                        pod("p1-half-b", 4, 1, "n3", ""),
                        pod("newcomer", 8, 3, null, "")),
                "");
        Map<String, String> at = solve(req);
        assertThat(at)
                .containsEntry("newcomer", "n1")
                .containsEntry("p1-single", "pending")
                .containsEntry("p2-single", "n2")
                .containsEntry("p1-half-a", "n3")
                .containsEntry("p1-half-b", "n3");
    }

    @Test
    void aPriorityHundredGangPreemptsAPriorityOneGangAsAWhole() {
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pods.add(pod("low-" + i, 1, 1, i < 8 ? "n1" : "n2", ",\"gang\":\"low\""));
        }
        pods.add(pod("high-0", 8, 100, null, ",\"gang\":\"high\""));
        pods.add(pod("high-1", 8, 100, null, ",\"gang\":\"high\""));
        PlacementRequest req = request(
                List.of(node("n1", 8, ""), node("n2", 8, "")), pods, ",\"gangs\":[{\"id\":\"low\"},{\"id\":\"high\"}]");
        Map<String, String> at = solve(req);
        assertThat(at.get("high-0")).isNotEqualTo("pending");
        assertThat(at.get("high-1")).isNotEqualTo("pending");
        for (int i = 0; i < 16; i++) {
            assertThat(at).containsEntry("low-" + i, "pending");
        }
    }

    @Test
    void aDisruptionBudgetSteersPreemptionToUnprotectedPods() {
        // n1 holds two pods of a budget that allows no disruption; n2 two unprotected pods of the same priority.
        PlacementRequest req = request(
                List.of(node("n1", 8, ""), node("n2", 8, "")),
                List.of(
                        pod("db-0", 4, 1, "n1", ",\"labels\":{\"app\":\"db\"}"),
                        pod("db-1", 4, 1, "n1", ",\"labels\":{\"app\":\"db\"}"),
                        pod("web-0", 4, 1, "n2", ",\"moveCost\":0"),
                        pod("web-1", 4, 1, "n2", ",\"moveCost\":0"),
                        pod("train", 8, 5, null, "")),
                ",\"disruptionBudgets\":[{\"id\":\"db\",\"selector\":{\"app\":\"db\"},\"maxUnavailable\":0}]");
        Map<String, String> at = solve(req);
        assertThat(at)
                .containsEntry("train", "n2")
                .containsEntry("db-0", "n1")
                .containsEntry("db-1", "n1")
                .containsEntry("web-0", "pending")
                .containsEntry("web-1", "pending");
    }

    /** n0 drains 4 pods; n1 (off when idle, 600 W idle) holds one pod that could join n2 to switch n1 off. */
    private static PlacementRequest drain(String n1PodExtra) {
        return request(
                List.of(
                        node("n0", 8, ",\"state\":\"DRAINING\",\"idlePowerWatts\":600"),
                        node("n1", 8, ",\"idlePowerWatts\":600,\"powerOffWhenIdle\":true"),
                        node("n2", 8, ",\"idlePowerWatts\":600")),
                List.of(
                        pod("d0", 1, 1, "n0", ""),
                        pod("d1", 1, 1, "n0", ""),
                        pod("d2", 1, 1, "n0", ""),
                        pod("d3", 1, 1, "n0", ""),
                        pod("stay", 1, 1, "n1", n1PodExtra)),
                "");
    }

    private static long moves(PlacementRequest req, Map<String, String> at) {
        return req.workloads().stream()
                .filter(w -> w.currentNode() != null && !w.currentNode().equals(at.get(w.id())))
                .count();
    }

    @Test
    void drainingANodeTakesExactlyFourMovesWithTheDefaultMoveCost() {
        PlacementRequest req = drain("");
        Map<String, String> at = solve(req);
        assertThat(moves(req, at)).isEqualTo(4);
        assertThat(at).containsEntry("stay", "n1").doesNotContainValue("pending");
        // free moves would also empty n1 to save its idle draw: the default is what keeps it at 4
        PlacementRequest free = drain(",\"moveCost\":0");
        assertThat(moves(free, solve(free))).isEqualTo(5);
    }

    @Test
    void fiftyArrivalsOnAThirtyFivePercentFullClusterMoveNoRunningWorkload() {
        List<String> nodes = new ArrayList<>();
        List<String> pods = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            nodes.add(node("n" + n, 8, ",\"idlePowerWatts\":300"));
        }
        // 28 of 80 GPUs in use (35 %), scattered: 1- and 2-GPU pods, most nodes part full
        int[] used = {4, 3, 2, 4, 1, 3, 2, 4, 3, 2};
        for (int n = 0; n < 10; n++) {
            for (int g = 0; g < used[n]; g++) {
                pods.add(pod("run-" + n + "-" + g, 1, 2, "n" + n, ",\"powerWatts\":300"));
            }
        }
        for (int i = 0; i < 50; i++) {
            pods.add(
                    i % 5 == 0
                            ? pod("new-" + i, 2, 1, null, ",\"powerWatts\":600")
                            : pod("new-" + i, 0, 1, null, ",\"gpuMilli\":500,\"powerWatts\":150"));
        }
        PlacementRequest req = request(
                nodes,
                pods,
                ",\"fragmentationProbes\":[{\"id\":\"one\",\"gpus\":1,\"popularity\":1},"
                        + "{\"id\":\"two\",\"gpus\":2,\"popularity\":1}]");
        Map<String, String> at = solve(req);
        assertThat(moves(req, at)).isZero();
        assertThat(at).doesNotContainValue("pending");
    }

    @Test
    void aSpreadOverTwoRacksInOneZonePlacesBothReplicas() {
        PlacementRequest req = request(
                List.of(
                        node("a", 2, ",\"rack\":\"r1\",\"idlePowerWatts\":600"),
                        node("b", 2, ",\"rack\":\"r2\",\"idlePowerWatts\":600")),
                List.of(
                        pod("web-0", 1, 1, null, ",\"service\":\"web\""),
                        pod("web-1", 1, 1, null, ",\"service\":\"web\"")),
                ",\"racks\":[{\"id\":\"r1\"},{\"id\":\"r2\"}],\"services\":[{\"id\":\"web\",\"topologySpread\":"
                        + "[{\"topologyKey\":\"rack\",\"maxSkew\":1}]}]");
        Map<String, String> at = solve(req);
        assertThat(at.values()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anUnsatisfiableSpreadIsRefusedNamingTheField() throws Exception {
        PlacementRequest zones = JSON.readValue("""
                {"nodes":[{"id":"a","capacity":{"cpu":1},"zone":"z1"}],
                 "services":[{"id":"web","spreadMin":2}],
                 "workloads":[{"id":"w0","service":"web"},{"id":"w1","service":"web"}]}""", PlacementRequest.class);
        assertThat(PlacementValidator.validate(zones).stream().map(Violation::field))
                .containsExactly("$.services[0].spreadMin");
        PlacementRequest key = JSON.readValue("""
                {"nodes":[{"id":"a","capacity":{"cpu":1},"zone":"z1"}],
                 "services":[{"id":"web","topologySpread":[{"topologyKey":"example.com/nvlink","maxSkew":1}]}],
                 "workloads":[{"id":"w0","service":"web"}]}""", PlacementRequest.class);
        assertThat(PlacementValidator.validate(key).stream()
                        .map(Violation::field)
                        .collect(Collectors.toList()))
                .containsExactly("$.services[0].topologySpread[0].topologyKey");
    }
}
