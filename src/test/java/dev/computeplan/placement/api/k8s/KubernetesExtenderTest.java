package dev.computeplan.placement.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.cluster.ClusterSnapshot;
import dev.computeplan.placement.api.cluster.LiveCluster;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The extender answers kube-scheduler's ExtenderArgs, shaped as the scheduler sends them, from a kept cluster: node a
 * (8 A100) runs a 6-GPU job, b has 4 free T4s, c (4 A100) is cordoned, d has 8 free A100s, and "ghost" is not in the
 * cluster. A 4-GPU pod fits on b and d only.
 */
class KubernetesExtenderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POD = """
            {"metadata": {"name": "train-0", "namespace": "ml", "uid": "5d1c"},
             "spec": {"containers": [{"name": "main", "resources": {"requests":
                 {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "4"}}}]}}""";

    private final LiveCluster cluster = new LiveCluster(
            new ClusterSnapshot(
                    new PlacementRequest(
                            null,
                            List.of(
                                    node("a", 8, "A100", null),
                                    node("b", 4, "T4", null),
                                    node("c", 4, "A100", "CORDONED"),
                                    node("d", 8, "A100", null)),
                            null,
                            null,
                            null,
                            List.of(new PlacementRequest.WorkloadDto(
                                    "ml/running",
                                    Map.of("cpu", 4_000L, "memory", 16_384L),
                                    6,
                                    0,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    "a",
                                    null,
                                    null,
                                    null)),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    Map.of()),
            0,
            new OnlinePolicy());
    private final KubernetesExtender extender = new KubernetesExtender(KubernetesProperties.defaults());

    @Test
    void filterKeepsTheNodesTheRulesAllowAndNamesTheRuleEachOtherBreaks() throws Exception {
        JsonNode result = extender.filter(args("\"nodenames\": [\"a\", \"b\", \"c\", \"d\", \"ghost\"]"), this::ask);
        assertThat(names(result.get("nodenames"))).containsExactly("b", "d");
        assertThat(result.get("failedNodes")).isEqualTo(JSON.readTree("{\"a\": \"gpuCapacity\"}"));
        assertThat(result.get("failedAndUnresolvableNodes"))
                .isEqualTo(JSON.readTree("{\"c\": \"nodeState\", \"ghost\": \"unknownNode\"}"));
        assertThat(result.has("nodes")).isFalse();
    }

    @Test
    void withoutANodeCacheTheSchedulerSendsWholeNodesAndGetsWholeNodesBack() throws Exception {
        JsonNode result = extender.filter(
                args("\"nodes\": {\"kind\": \"NodeList\", \"items\": [{\"metadata\": {\"name\": \"a\"}},"
                        + " {\"metadata\": {\"name\": \"d\"}}]}"),
                this::ask);
        assertThat(result.has("nodenames")).isFalse();
        assertThat(result.get("nodes").get("kind").asText()).isEqualTo("NodeList");
        List<String> kept = new ArrayList<>();
        result.get("nodes")
                .get("items")
                .forEach(n -> kept.add(n.path("metadata").path("name").asText()));
        assertThat(kept).containsExactly("d");
    }

    @Test
    void prioritizeScoresZeroToTenWithTheBestNodeTenAndNodesThePodCannotUseZero() throws Exception {
        JsonNode result =
                extender.prioritize(args("\"nodenames\": [\"a\", \"b\", \"c\", \"d\", \"ghost\"]"), this::ask);
        assertThat(result).hasSize(5);
        long best = 0;
        for (JsonNode h : result) {
            long score = h.get("score").asLong();
            assertThat(score).isBetween(0L, (long) KubernetesExtender.MAX_PRIORITY);
            if (List.of("a", "c", "ghost").contains(h.get("host").asText())) {
                assertThat(score).as(h.toString()).isZero();
            }
            best = Math.max(best, score);
        }
        assertThat(best).isEqualTo(KubernetesExtender.MAX_PRIORITY);
    }

    @Test
    void askingBindsNothing() throws Exception {
        int before = cluster.workloadCount();
        extender.filter(args("\"nodenames\": [\"d\"]"), this::ask);
        extender.prioritize(args("\"nodenames\": [\"d\"]"), this::ask);
        assertThat(cluster.workloadCount()).isEqualTo(before);
        assertThat(names(extender.filter(args("\"nodenames\": [\"b\", \"d\"]"), this::ask)
                        .get("nodenames")))
                .containsExactly("b", "d");
    }

    @Test
    void argsWithoutAPodOrNodesAreRefusedWithTheirPath() throws Exception {
        assertThatThrownBy(() -> extender.filter(JSON.readTree("{\"nodenames\": [\"a\"]}"), this::ask))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("$.pod"));
        assertThatThrownBy(() -> extender.filter(JSON.readTree("{\"pod\": " + POD + "}"), this::ask))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("$.nodenames"));
    }

    private List<OnlinePolicy.NodeVerdict> ask(PlacementRequest.WorkloadDto w, List<String> nodes) {
        return cluster.evaluate(w, nodes);
    }

    private static JsonNode args(String nodes) throws Exception {
        return JSON.readTree("{\"pod\": " + POD + ", " + nodes + "}");
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static PlacementRequest.NodeDto node(String id, int gpus, String type, String state) {
        return new PlacementRequest.NodeDto(
                id, Map.of("cpu", 64_000L, "memory", 512_000L), null, "z1", null, null, gpus, type, state, null);
    }
}
