package dev.computeplan.placement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads the example scenarios of problems/placement as requests (without their termination). */
public final class PlacementExamples {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private PlacementExamples() {}

    public static PlacementRequest load(String name) {
        return load(name, node -> {});
    }

    /** The example after an edit of its JSON, e.g. a node's state changed. */
    public static PlacementRequest load(String name, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode)
                    MAPPER.readTree(Path.of("problems/placement", name).toFile());
            node.remove("termination");
            edit.accept(node);
            return MAPPER.treeToValue(node, PlacementRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The small example with the only active GPU node of the reserved zone failed: the zone keeps no free GPU, so
     * the whole reserve is short whatever the plan.
     */
    public static PlacementRequest smallWithReserveZoneDown() {
        return load(
                "placement-small.json",
                root -> root.withArray("nodes").forEach(n -> {
                    if (n.path("id").asText().equals("a100-3")) {
                        ((ObjectNode) n).put("state", "FAILED");
                    }
                }));
    }

    /**
     * The small example with every Kubernetes rule in play: node labels, topology spread (hard and soft, by rack,
     * node and a label), disruption budgets (by selector and by list), a workload that never preempts, and more
     * running workloads to evict.
     */
    public static PlacementRequest smallKubernetes() {
        return load("placement-small.json", root -> {
            root.withArray("nodes")
                    .forEach(n -> ((ObjectNode) n)
                            .putObject("labels")
                            .put("example.com/nvlink", n.path("networkDomain").asText()));
            root.withArray("services").forEach(sv -> {
                ObjectNode s = (ObjectNode) sv;
                String key = switch (s.path("id").asText()) {
                    case "infer" -> "rack";
                    case "api" -> "kubernetes.io/hostname";
                    default -> "example.com/nvlink";
                };
                s.putArray("topologySpread")
                        .addObject()
                        .put("topologyKey", key)
                        .put("maxSkew", 1)
                        .put("whenUnsatisfiable", key.equals("rack") ? "DoNotSchedule" : "ScheduleAnyway");
            });
            root.withArray("workloads").forEach(wv -> {
                ObjectNode w = (ObjectNode) wv;
                String id = w.path("id").asText();
                w.putObject("labels").put("app", id.substring(0, id.indexOf('-')));
                switch (id) {
                    case "api-0", "cache-0" -> w.put("currentNode", "cpu-1");
                    case "infer-0" -> w.put("currentNode", "a100-3");
                    case "train-a-0", "train-a-1" -> w.put("currentNode", "a100-1");
                    case "batch-1" -> w.put("preemptionPolicy", "Never");
                    default -> {}
                }
            });
            var budgets = root.putArray("disruptionBudgets");
            budgets.addObject()
                    .put("id", "notebooks")
                    .put("maxUnavailable", 1)
                    .putObject("selector")
                    .put("app", "notebook");
            ObjectNode ft = budgets.addObject().put("id", "finetune").put("minAvailable", 1);
            ft.putArray("workloads").add("finetune-0").add("api-0");
        });
    }
}
