package dev.computeplan.placement.api.cluster;

import dev.computeplan.placement.solver.online.OnlineDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the online policy's decision into the wire answer. */
final class DecisionViews {

    private DecisionViews() {}

    static DecisionView placed(OnlineDecision d, long version, boolean bound) {
        List<DecisionView.PlacementView> placements = d.placements().stream()
                .map(p -> new DecisionView.PlacementView(
                        p.workload(), p.node(), Arrays.stream(p.gpus()).boxed().toList()))
                .toList();
        return new DecisionView(
                DecisionView.Status.PLACED,
                version,
                bound,
                placements,
                d.scoreDiff().toString(),
                null,
                List.of(),
                null,
                List.of());
    }

    static DecisionView pending(OnlineDecision d, long version, boolean gang) {
        List<Map.Entry<String, Integer>> sorted =
                new ArrayList<>(d.blockingRules().entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<DecisionView.BlockingRule> rules = sorted.stream()
                .map(e -> new DecisionView.BlockingRule(e.getKey(), e.getValue()))
                .toList();
        String reasons = rules.isEmpty()
                ? "the cluster has no node"
                : rules.stream()
                        .map(r -> r.rule() + " rules out " + r.nodes() + (r.nodes() == 1 ? " node" : " nodes"))
                        .collect(Collectors.joining(", "));
        String message = gang
                ? "The gang cannot be placed whole now: no node takes member " + d.blocked() + " (" + reasons + ")."
                : "No node takes workload " + d.blocked() + " now: " + reasons + ".";
        return new DecisionView(
                DecisionView.Status.PENDING, version, false, List.of(), null, d.blocked(), rules, message, d.victims());
    }
}
