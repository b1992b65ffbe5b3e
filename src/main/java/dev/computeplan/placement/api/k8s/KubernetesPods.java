package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One Pod: its requests, GPUs or MIG slices, node, priority and preemption policy, pod group. */
final class KubernetesPods {

    private final KubernetesProperties props;
    private final Map<String, JsonNode> classes;
    private final long lowest;

    KubernetesPods(KubernetesProperties props, Map<String, JsonNode> classes, List<JsonNode> pods) {
        this.props = props;
        this.classes = classes;
        this.lowest = pods.stream().mapToLong(this::kubernetesPriority).min().orElse(0L);
    }

    PlacementRequest.WorkloadDto read(JsonNode pod, Set<String> resources) {
        Map<String, String> labels = KubernetesImporter.labels(pod);
        String ns = pod.path("metadata").path("namespace").asText("default");
        Map<String, Long> requests = requests(pod);
        Map<String, Long> requirements = new LinkedHashMap<>();
        requirements.put("cpu", requests.getOrDefault("cpu", 0L));
        requirements.put("memory", requests.getOrDefault("memory", 0L));
        requests.forEach((r, v) -> {
            if (r.startsWith(props.migResourcePrefix())) {
                resources.add(r);
                requirements.put(r, v);
            }
        });
        String group = labels.containsKey(props.podGroupLabel())
                ? labels.get(props.podGroupLabel())
                : labels.get(props.kueuePodGroupLabel());
        String node = pod.path("spec").path("nodeName").asText(null);
        String gpuType = pod.path("spec")
                .path("nodeSelector")
                .path(props.gpuProductLabel())
                .asText(null);
        return new PlacementRequest.WorkloadDto(
                KubernetesImporter.podId(pod),
                requirements,
                requests.getOrDefault(props.gpuResource(), 0L).intValue(),
                null,
                gpuType == null ? null : List.of(gpuType),
                null,
                kubernetesPriority(pod) - lowest + 1,
                null,
                group == null ? null : ns + "/" + group,
                node == null || node.isEmpty() ? null : node,
                null,
                null,
                null,
                labels,
                preemptionPolicy(pod));
    }

    /** The pod's own priority, else its PriorityClass's, else the global default class's, else 0. */
    long kubernetesPriority(JsonNode pod) {
        JsonNode spec = pod.path("spec");
        if (spec.has("priority")) {
            return spec.get("priority").asLong();
        }
        JsonNode pc = priorityClass(pod);
        return pc == null ? 0L : pc.path("value").asLong();
    }

    private JsonNode priorityClass(JsonNode pod) {
        String name = pod.path("spec").path("priorityClassName").asText("");
        if (!name.isEmpty()) {
            return classes.get(name);
        }
        return classes.values().stream()
                .filter(c -> c.path("globalDefault").asBoolean(false))
                .findFirst()
                .orElse(null);
    }

    private String preemptionPolicy(JsonNode pod) {
        String own = pod.path("spec").path("preemptionPolicy").asText("");
        if (!own.isEmpty()) {
            return own;
        }
        JsonNode pc = priorityClass(pod);
        return pc == null ? null : pc.path("preemptionPolicy").asText(null);
    }

    /**
     * Effective requests as the scheduler counts them: the sum over containers, or the largest init container's
     * request when that is larger (cpu in milli, memory in MiB, counts for extended resources).
     */
    static Map<String, Long> requests(JsonNode pod) {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (JsonNode c : pod.path("spec").path("containers")) {
            c.path("resources")
                    .path("requests")
                    .fields()
                    .forEachRemaining(e -> sum.merge(
                            e.getKey(), amount(e.getKey(), e.getValue().asText()), Long::sum));
        }
        for (JsonNode c : pod.path("spec").path("initContainers")) {
            c.path("resources")
                    .path("requests")
                    .fields()
                    .forEachRemaining(e -> sum.merge(
                            e.getKey(), amount(e.getKey(), e.getValue().asText()), Math::max));
        }
        return sum;
    }

    private static long amount(String resource, String quantity) {
        return switch (resource) {
            case "cpu" -> Quantities.milliCpu(quantity);
            case "memory" -> Quantities.mebibytes(quantity);
            default -> Quantities.count(quantity);
        };
    }
}
