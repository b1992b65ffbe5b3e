package dev.computeplan.placement.api.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.cluster.LiveCluster;
import dev.computeplan.placement.solver.PlacementConstraintProvider;
import dev.computeplan.placement.solver.online.OnlinePolicy.NodeVerdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * kube-scheduler's extender protocol (v1 JSON: {@code ExtenderArgs} in; {@code ExtenderFilterResult} or a
 * {@code HostPriorityList} out) answered from a cluster the service keeps, by the online policy's rules and score.
 * With {@code nodeCacheCapable: true} the scheduler sends node names; without it, whole nodes, and gets whole nodes
 * back.
 */
public final class KubernetesExtender {

    /** kube-scheduler's {@code MaxExtenderPriority}: an extender scores nodes from 0 to this. */
    static final int MAX_PRIORITY = 10;

    /** Rules that evicting pods cannot fix: kube-scheduler does not try preemption on such nodes. */
    private static final Set<String> UNRESOLVABLE = Set.of(
            PlacementConstraintProvider.NODE_STATE, PlacementConstraintProvider.GPU_TYPE, LiveCluster.UNKNOWN_NODE);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final KubernetesProperties props;

    public KubernetesExtender(KubernetesProperties props) {
        this.props = props;
    }

    /** The nodes the pod may go to, and why each other one may not. */
    public JsonNode filter(
            JsonNode args, BiFunction<PlacementRequest.WorkloadDto, List<String>, List<NodeVerdict>> ask) {
        List<String> names = nodeNames(args);
        List<NodeVerdict> verdicts = ask.apply(workload(args), names);
        Set<String> fit = new LinkedHashSet<>();
        ObjectNode failed = JSON.objectNode();
        ObjectNode unresolvable = JSON.objectNode();
        for (NodeVerdict v : verdicts) {
            if (v.rule() == null) {
                fit.add(v.node());
            } else {
                (UNRESOLVABLE.contains(v.rule()) ? unresolvable : failed).put(v.node(), v.rule());
            }
        }
        ObjectNode result = JSON.objectNode();
        if (args.path("nodes").isObject()) {
            ObjectNode list = args.get("nodes").deepCopy();
            ArrayNode kept = list.putArray("items");
            for (JsonNode n : args.get("nodes").path("items")) {
                if (fit.contains(n.path("metadata").path("name").asText())) {
                    kept.add(n);
                }
            }
            result.set("nodes", list);
        } else {
            ArrayNode kept = result.putArray("nodenames");
            fit.forEach(kept::add);
        }
        result.set("failedNodes", failed);
        result.set("failedAndUnresolvableNodes", unresolvable);
        return result;
    }

    /**
     * A score from 0 to {@link #MAX_PRIORITY} per node: the engine's soft score with the pod placed there, the best
     * node 10 and the worst 0, linearly between; a node the pod cannot go to scores 0.
     */
    public JsonNode prioritize(
            JsonNode args, BiFunction<PlacementRequest.WorkloadDto, List<String>, List<NodeVerdict>> ask) {
        List<NodeVerdict> verdicts = ask.apply(workload(args), nodeNames(args));
        long best = Long.MIN_VALUE;
        long worst = Long.MAX_VALUE;
        for (NodeVerdict v : verdicts) {
            if (v.score() != null) {
                best = Math.max(best, v.score().softScore());
                worst = Math.min(worst, v.score().softScore());
            }
        }
        ArrayNode list = JSON.arrayNode();
        for (NodeVerdict v : verdicts) {
            long score = 0;
            if (v.score() != null) {
                score = best == worst
                        ? MAX_PRIORITY
                        : Math.round(MAX_PRIORITY * (double) (v.score().softScore() - worst) / (best - worst));
            }
            list.addObject().put("host", v.node()).put("score", score);
        }
        return list;
    }

    /** The pod in the placement vocabulary, as the importer reads one (priorities do not matter to a filter). */
    PlacementRequest.WorkloadDto workload(JsonNode args) {
        JsonNode pod = args.path("pod");
        if (!pod.isObject() || pod.path("metadata").path("name").asText("").isEmpty()) {
            throw InvalidInputException.invalid(
                    List.of(new Violation("$.pod", "must be the Pod to schedule, with metadata.name")));
        }
        return new KubernetesPods(props, Map.of(), List.of(pod)).read(pod, new LinkedHashSet<>());
    }

    /** {@code nodenames} when the scheduler caches nodes, else the names of the {@code nodes} list's items. */
    static List<String> nodeNames(JsonNode args) {
        List<String> names = new ArrayList<>();
        if (args.path("nodenames").isArray()) {
            args.get("nodenames").forEach(n -> names.add(n.asText()));
        } else if (args.path("nodes").path("items").isArray()) {
            args.get("nodes")
                    .get("items")
                    .forEach(n -> names.add(n.path("metadata").path("name").asText()));
        } else {
            throw InvalidInputException.invalid(
                    List.of(new Violation("$.nodenames", "must list the candidate nodes (or $.nodes.items)")));
        }
        return names;
    }
}
