package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.placement.api.KubernetesRequest;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code v1 List} as {@code kubectl get nodes,pods,priorityclasses,poddisruptionbudgets -o json} prints it
 * into a placement request. Workload ids are {@code namespace/name}. Priorities keep their order but are shifted to
 * start at 1 (the request's minimum); only that order matters to the rules. Finished pods are left out.
 */
public final class KubernetesImporter {

    private final KubernetesProperties props;

    public KubernetesImporter(KubernetesProperties props) {
        this.props = props;
    }

    public PlacementRequest read(JsonNode list) {
        List<JsonNode> nodes = new ArrayList<>();
        List<JsonNode> pods = new ArrayList<>();
        List<JsonNode> budgets = new ArrayList<>();
        Map<String, JsonNode> classes = new HashMap<>();
        for (JsonNode item : items(list)) {
            switch (item.path("kind").asText()) {
                case "Node" -> nodes.add(item);
                case "Pod" -> {
                    String phase = item.path("status").path("phase").asText();
                    if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
                        pods.add(item);
                    }
                }
                case "PriorityClass" ->
                    classes.put(item.path("metadata").path("name").asText(), item);
                case "PodDisruptionBudget" -> budgets.add(item);
                default -> {}
            }
        }
        Set<String> resources = new LinkedHashSet<>(List.of("cpu", "memory"));
        Set<String> racks = new TreeSet<>();
        List<PlacementRequest.NodeDto> nodeDtos = new ArrayList<>();
        for (JsonNode n : nodes) {
            nodeDtos.add(KubernetesNodes.read(n, props, resources, racks));
        }
        KubernetesPods podReader = new KubernetesPods(props, classes, pods);
        List<PlacementRequest.WorkloadDto> workloads = new ArrayList<>();
        Set<String> gangs = new TreeSet<>();
        for (JsonNode p : pods) {
            PlacementRequest.WorkloadDto w = podReader.read(p, resources);
            workloads.add(w);
            if (w.gang() != null) {
                gangs.add(w.gang());
            }
        }
        List<KubernetesRequest.DisruptionBudgetDto> pdbs = new ArrayList<>();
        for (JsonNode b : budgets) {
            KubernetesRequest.DisruptionBudgetDto pdb = KubernetesBudgets.read(b, pods);
            if (pdb != null) {
                pdbs.add(pdb);
            }
        }
        return new PlacementRequest(
                resources.stream()
                        .map(r -> new PlacementRequest.ResourceDto(r, null, null))
                        .toList(),
                nodeDtos,
                racks.stream().map(r -> new PlacementRequest.RackDto(r, null)).toList(),
                null,
                gangs.stream().map(g -> new PlacementRequest.GangDto(g, null)).toList(),
                workloads,
                null,
                null,
                null,
                null,
                null,
                pdbs);
    }

    static List<JsonNode> items(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        Iterator<JsonNode> it = list.path("items").elements();
        it.forEachRemaining(out::add);
        return out;
    }

    static Map<String, String> labels(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.path("metadata")
                .path("labels")
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static String podId(JsonNode pod) {
        JsonNode meta = pod.path("metadata");
        String ns = meta.path("namespace").asText("default");
        return ns + "/" + meta.path("name").asText();
    }
}
