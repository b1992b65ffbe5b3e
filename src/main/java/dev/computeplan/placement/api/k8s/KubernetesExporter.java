package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * A plan as Kubernetes objects in a {@code v1 List}: a {@code Binding} for each pending pod the plan places, a
 * {@code policy/v1 Eviction} for each running pod it evicts or moves (a running pod cannot be re-bound: its
 * controller re-creates it, and the planned node is noted in the annotation {@value #PLANNED_NODE}).
 * Evictions are listed first: the room they free is what the bindings need.
 */
public final class KubernetesExporter {

    public static final String PLANNED_NODE = "computeplan.dev/planned-node";

    private KubernetesExporter() {}

    public static JsonNode write(PlacementRequest req, PlacementPlan plan) {
        Map<String, String> at = new HashMap<>();
        for (PlacementPlan.Assignment a : plan.assignments()) {
            if (a.node() != null) {
                at.put(a.workload(), a.node());
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode evictions = f.arrayNode();
        ArrayNode bindings = f.arrayNode();
        for (PlacementRequest.WorkloadDto w : req.workloads()) {
            String node = at.get(w.id());
            if (w.currentNode() != null && !w.currentNode().equals(node)) {
                ObjectNode e = object(f, "policy/v1", "Eviction", w.id());
                if (node != null) {
                    ((ObjectNode) e.get("metadata")).putObject("annotations").put(PLANNED_NODE, node);
                }
                evictions.add(e);
            } else if (w.currentNode() == null && node != null) {
                ObjectNode b = object(f, "v1", "Binding", w.id());
                b.putObject("target")
                        .put("apiVersion", "v1")
                        .put("kind", "Node")
                        .put("name", node);
                bindings.add(b);
            }
        }
        ObjectNode list = f.objectNode().put("apiVersion", "v1").put("kind", "List");
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        items.addAll(evictions);
        items.addAll(bindings);
        return list;
    }

    /** An object named after a workload id {@code namespace/name} (a bare name is in {@code default}). */
    private static ObjectNode object(JsonNodeFactory f, String apiVersion, String kind, String workloadId) {
        int slash = workloadId.indexOf('/');
        ObjectNode o = f.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        o.putObject("metadata")
                .put("name", slash < 0 ? workloadId : workloadId.substring(slash + 1))
                .put("namespace", slash < 0 ? "default" : workloadId.substring(0, slash));
        return o;
    }
}
