package dev.computeplan.placement.api.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import dev.computeplan.placement.solver.SolverOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Import a 50-node, 400-pod cluster, solve it with the batch engine, emit Bindings and Evictions, then re-apply them
 * to the cluster objects with code of its own (its own quantity reading, its own priority lookup) and check that no
 * Kubernetes rule is broken: capacity, cordon, gang all-or-nothing, the PodDisruptionBudget, and that every evicted
 * pod makes room for a strictly higher-priority pod that may preempt.
 */
class KubernetesRoundTripTest {

    @Test
    void importSolveEmitAndReapplyBreaksNoKubernetesRule() {
        ObjectNode cluster = ClusterFixture.cluster(3);
        PlacementRequest req = new KubernetesImporter(KubernetesProperties.defaults()).read(cluster);
        assertThat(req.nodes()).hasSize(50);
        assertThat(req.workloads()).hasSize(400);
        assertThat(PlacementValidator.validate(req)).isEmpty();

        PlacementSolution solved = new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(
                        PlacementMapper.toDomain(req, null),
                        SolverOptions.builder(Duration.ofSeconds(30))
                                .seed(7)
                                .unimprovedLimit(Duration.ofSeconds(3))
                                .stepLimit(400)
                                .build(),
                        stop -> {},
                        best -> {});
        PlacementPlan plan = PlacementMapper.toPlan(solved);
        JsonNode objects = KubernetesExporter.write(req, plan);

        Reapplied after = reapply(cluster, objects);
        assertThat(after.bindings).as("the plan places pending pods").isPositive();
        assertThat(after.problems).isEmpty();
    }

    /** The cluster after the objects are applied, and every rule it breaks. */
    record Reapplied(int bindings, List<String> problems) {}

    static Reapplied reapply(JsonNode cluster, JsonNode objects) {
        Map<String, JsonNode> nodes = new HashMap<>();
        Map<String, JsonNode> pods = new HashMap<>();
        Map<String, JsonNode> classes = new HashMap<>();
        Map<String, String> at = new HashMap<>();
        for (JsonNode item : cluster.path("items")) {
            String name = item.path("metadata").path("name").asText();
            switch (item.path("kind").asText()) {
                case "Node" -> nodes.put(name, item);
                case "PriorityClass" -> classes.put(name, item);
                case "Pod" -> {
                    String key = item.path("metadata").path("namespace").asText() + "/" + name;
                    pods.put(key, item);
                    if (item.path("spec").has("nodeName")) {
                        at.put(key, item.path("spec").path("nodeName").asText());
                    }
                }
                default -> {}
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> before = new HashMap<>(at);
        Set<String> evicted = new HashSet<>();
        int bindings = 0;
        for (JsonNode o : objects.path("items")) {
            String key = o.path("metadata").path("namespace").asText() + "/"
                    + o.path("metadata").path("name").asText();
            if (!pods.containsKey(key)) {
                problems.add("object for unknown pod " + key);
                continue;
            }
            if (o.path("kind").asText().equals("Eviction")
                    && o.path("apiVersion").asText().equals("policy/v1")) {
                if (at.remove(key) == null) {
                    problems.add("eviction of a pod that does not run: " + key);
                }
                String planned = o.path("metadata")
                        .path("annotations")
                        .path("computeplan.dev/planned-node")
                        .asText(null);
                if (planned != null) {
                    at.put(key, planned); // re-created by its controller and scheduled there
                } else {
                    evicted.add(key);
                }
            } else if (o.path("kind").asText().equals("Binding")
                    && o.path("apiVersion").asText().equals("v1")) {
                if (at.containsKey(key)) {
                    problems.add("binding of a pod that already runs: " + key);
                }
                String node = o.path("target").path("name").asText();
                if (!nodes.containsKey(node)) {
                    problems.add("binding to unknown node " + node);
                }
                at.put(key, node);
                bindings++;
            } else {
                problems.add("unexpected object " + o.path("apiVersion").asText() + " "
                        + o.path("kind").asText());
            }
        }
        capacity(nodes, pods, at, problems);
        for (Map.Entry<String, String> e : at.entrySet()) {
            JsonNode node = nodes.get(e.getValue());
            if (node != null
                    && node.path("spec").path("unschedulable").asBoolean(false)
                    && !e.getValue().equals(before.get(e.getKey()))) {
                problems.add("pod " + e.getKey() + " sent to cordoned node " + e.getValue());
            }
        }
        gangs(pods, at, problems);
        budget(pods, before, at, problems);
        for (String v : evicted) {
            String node = before.get(v);
            boolean room = at.entrySet().stream()
                    .anyMatch(e -> e.getValue().equals(node)
                            && !node.equals(before.get(e.getKey()))
                            && priority(pods.get(e.getKey()), classes) > priority(pods.get(v), classes)
                            && !"Never".equals(policy(pods.get(e.getKey()), classes)));
            if (!room) {
                problems.add("pod " + v + " evicted without a higher-priority preemptor on " + node);
            }
        }
        return new Reapplied(bindings, problems);
    }

    private static void capacity(
            Map<String, JsonNode> nodes, Map<String, JsonNode> pods, Map<String, String> at, List<String> problems) {
        Map<String, Map<String, Double>> used = new HashMap<>();
        at.forEach((pod, node) -> {
            for (JsonNode c : pods.get(pod).path("spec").path("containers")) {
                c.path("resources")
                        .path("requests")
                        .fields()
                        .forEachRemaining(r -> used.computeIfAbsent(node, k -> new HashMap<>())
                                .merge(r.getKey(), amount(r.getValue().asText()), Double::sum));
            }
        });
        used.forEach((node, byResource) -> byResource.forEach((resource, amount) -> {
            JsonNode alloc = nodes.get(node).path("status").path("allocatable").path(resource);
            double cap = alloc.isMissingNode() ? 0 : amount(alloc.asText());
            if (amount > cap + 1e-9) {
                problems.add("node %s: %s %.3f requested, %.3f allocatable".formatted(node, resource, amount, cap));
            }
        }));
    }

    /** The fixture's quantity forms only: plain numbers, milli, Gi. */
    private static double amount(String q) {
        if (q.endsWith("m")) {
            return Double.parseDouble(q.substring(0, q.length() - 1)) / 1000;
        }
        if (q.endsWith("Gi")) {
            return Double.parseDouble(q.substring(0, q.length() - 2)) * 1024 * 1024 * 1024;
        }
        return Double.parseDouble(q);
    }

    private static void gangs(Map<String, JsonNode> pods, Map<String, String> at, List<String> problems) {
        Map<String, int[]> groups = new HashMap<>();
        pods.forEach((key, p) -> {
            String g = p.path("metadata")
                    .path("labels")
                    .path("scheduling.x-k8s.io/pod-group")
                    .asText(null);
            if (g != null) {
                int[] c = groups.computeIfAbsent(g, k -> new int[2]);
                c[0]++;
                c[1] += at.containsKey(key) ? 1 : 0;
            }
        });
        groups.forEach((g, c) -> {
            if (c[1] != 0 && c[1] != c[0]) {
                problems.add("pod group " + g + " runs " + c[1] + " of " + c[0]);
            }
        });
    }

    /** The web PDB: minAvailable 75 % of its 12 pods = 9 must keep running where they ran. */
    private static void budget(
            Map<String, JsonNode> pods, Map<String, String> before, Map<String, String> at, List<String> problems) {
        int kept = 0;
        int total = 0;
        for (var e : pods.entrySet()) {
            if ("web"
                    .equals(e.getValue()
                            .path("metadata")
                            .path("labels")
                            .path("app")
                            .asText(null))) {
                total++;
                kept += before.get(e.getKey()) != null && before.get(e.getKey()).equals(at.get(e.getKey())) ? 1 : 0;
            }
        }
        if (kept < Math.ceil(0.75 * total)) {
            problems.add("web PDB: " + kept + " of " + total + " undisrupted");
        }
    }

    private static long priority(JsonNode pod, Map<String, JsonNode> classes) {
        return classes.get(pod.path("spec").path("priorityClassName").asText())
                .path("value")
                .asLong();
    }

    private static String policy(JsonNode pod, Map<String, JsonNode> classes) {
        return classes.get(pod.path("spec").path("priorityClassName").asText())
                .path("preemptionPolicy")
                .asText(null);
    }
}
