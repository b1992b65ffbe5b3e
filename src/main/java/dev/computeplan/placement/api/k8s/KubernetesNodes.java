package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One Node: allocatable resources, GPUs and their type, zone, rack and network domain, state from taints. */
final class KubernetesNodes {

    private KubernetesNodes() {}

    static PlacementRequest.NodeDto read(
            JsonNode node, KubernetesProperties props, Set<String> resources, Set<String> racks) {
        Map<String, String> labels = KubernetesImporter.labels(node);
        JsonNode allocatable = node.path("status").path("allocatable");
        Map<String, Long> capacity = new LinkedHashMap<>();
        capacity.put(
                "cpu",
                allocatable.has("cpu")
                        ? Quantities.milliCpu(allocatable.get("cpu").asText())
                        : 0L);
        capacity.put(
                "memory",
                allocatable.has("memory")
                        ? Quantities.mebibytes(allocatable.get("memory").asText())
                        : 0L);
        allocatable.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(props.migResourcePrefix())) {
                resources.add(e.getKey());
                capacity.put(e.getKey(), Quantities.count(e.getValue().asText()));
            }
        });
        int gpus = allocatable.has(props.gpuResource())
                ? (int) Quantities.count(allocatable.get(props.gpuResource()).asText())
                : 0;
        String rack = labels.get(props.rackLabel());
        if (rack != null) {
            racks.add(rack);
        }
        return new PlacementRequest.NodeDto(
                node.path("metadata").path("name").asText(),
                capacity,
                null,
                labels.getOrDefault(props.zoneLabel(), "default"),
                labels.get(props.networkLabel()),
                rack,
                gpus,
                gpus > 0 ? labels.getOrDefault(props.gpuProductLabel(), "unknown") : null,
                state(node),
                null,
                null,
                labels);
    }

    /**
     * FAILED when the node is not Ready or carries one of the node lifecycle's NoExecute taints
     * ({@code node.kubernetes.io/...}: pods get evicted there); CORDONED when it is unschedulable or has one of its
     * NoSchedule taints (running pods stay, new ones do not come); else ACTIVE. Other taints (e.g. a dedicated-GPU
     * taint the GPU pods tolerate) are not read: tolerations are not modelled.
     */
    static String state(JsonNode node) {
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")
                    && !c.path("status").asText().equals("True")) {
                return "FAILED";
            }
        }
        boolean noSchedule = node.path("spec").path("unschedulable").asBoolean(false);
        for (JsonNode t : node.path("spec").path("taints")) {
            String effect = t.path("effect").asText();
            if (!t.path("key").asText().startsWith("node.kubernetes.io/")) {
                continue;
            }
            if (effect.equals("NoExecute")) {
                return "FAILED";
            }
            noSchedule |= effect.equals("NoSchedule");
        }
        return noSchedule ? "CORDONED" : "ACTIVE";
    }
}
