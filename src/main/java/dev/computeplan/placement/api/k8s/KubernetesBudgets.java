package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.placement.api.KubernetesRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One PodDisruptionBudget, resolved to the pods its selector matches in its namespace (matchLabels and
 * matchExpressions In, NotIn, Exists, DoesNotExist); a percentage is of the matched pods, rounded up as the
 * disruption controller does.
 */
final class KubernetesBudgets {

    private KubernetesBudgets() {}

    /** The budget, or null when it matches no pod (it constrains nothing). */
    static KubernetesRequest.DisruptionBudgetDto read(JsonNode pdb, List<JsonNode> pods) {
        String ns = pdb.path("metadata").path("namespace").asText("default");
        JsonNode selector = pdb.path("spec").path("selector");
        List<String> matched = new ArrayList<>();
        for (JsonNode p : pods) {
            if (p.path("metadata").path("namespace").asText("default").equals(ns)
                    && matches(selector, KubernetesImporter.labels(p))) {
                matched.add(KubernetesImporter.podId(p));
            }
        }
        if (matched.isEmpty()) {
            return null;
        }
        JsonNode spec = pdb.path("spec");
        Integer maxUnavailable = spec.has("maxUnavailable") ? scaled(spec.get("maxUnavailable"), matched.size()) : null;
        Integer minAvailable = spec.has("minAvailable") ? scaled(spec.get("minAvailable"), matched.size()) : null;
        if (maxUnavailable == null && minAvailable == null) {
            minAvailable = 1;
        }
        return new KubernetesRequest.DisruptionBudgetDto(
                ns + "/" + pdb.path("metadata").path("name").asText(), null, matched, maxUnavailable, minAvailable);
    }

    /** An int, or a percentage of {@code total} rounded up. */
    static int scaled(JsonNode value, int total) {
        if (value.isNumber()) {
            return value.asInt();
        }
        String s = value.asText().trim();
        if (s.endsWith("%")) {
            int pct = Integer.parseInt(s.substring(0, s.length() - 1));
            return (pct * total + 99) / 100;
        }
        return Integer.parseInt(s);
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        var it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode ex : selector.path("matchExpressions")) {
            String key = ex.path("key").asText();
            Set<String> values = new HashSet<>();
            ex.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (ex.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
