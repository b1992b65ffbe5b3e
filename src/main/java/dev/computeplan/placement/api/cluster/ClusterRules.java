package dev.computeplan.placement.api.cluster;

import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of cluster requests beyond Bean Validation, answered with field paths. Each part is checked by the
 * placement validator on a small request built around it (its workloads or node against the cluster's resources,
 * services and gangs), so a cluster accepts what a placement job accepts.
 */
final class ClusterRules {

    private static final PlacementRequest.NodeDto PROBE_NODE =
            new PlacementRequest.NodeDto("_", Map.of(), null, "_", null, null, null, null, null, null);

    private ClusterRules() {}

    /** A cluster to create: a valid placement request whose workloads all run somewhere. */
    static List<Violation> ofState(PlacementRequest req) {
        List<Violation> out = new ArrayList<>();
        for (Violation v : PlacementValidator.validate(req)) {
            // a service may have fewer running replicas than its spread asks for: more arrive by decisions
            if (!(v.field().endsWith(".spreadMin") && v.message().contains("the service's"))) {
                out.add(v);
            }
        }
        for (int i = 0; i < req.workloads().size(); i++) {
            if (req.workloads().get(i).currentNode() == null) {
                out.add(new Violation(
                        "$.workloads[" + i + "].currentNode",
                        "a cluster holds running workloads: give the node each runs on (place new ones by decisions)"));
            }
        }
        return out;
    }

    /** A decision: new workloads of one gang at most, valid against the cluster's resources, services and gangs. */
    static List<Violation> ofDecision(DecisionRequest d, ClusterDoc doc, List<String> declaredResources) {
        List<Violation> out = new ArrayList<>(workloadRules(d.workloads(), d.gang(), doc, declaredResources, "$"));
        String gangId = d.gang() != null ? d.gang().id() : d.workloads().get(0).gang();
        for (int i = 0; i < d.workloads().size(); i++) {
            PlacementRequest.WorkloadDto w = d.workloads().get(i);
            String path = "$.workloads[" + i + "]";
            if (w.currentNode() != null) {
                out.add(new Violation(
                        path + ".currentNode",
                        "a decision places new workloads; report a running one with a WORKLOAD_BOUND event"));
            }
            if (doc.workloads.containsKey(w.id())) {
                out.add(new Violation(path + ".id", "workload '" + w.id() + "' already runs in this cluster"));
            }
            boolean oneGang = gangId != null && gangId.equals(w.gang());
            if ((d.workloads().size() > 1 || d.gang() != null) && !oneGang) {
                out.add(new Violation(
                        path + ".gang", "a decision places one workload or the members of one gang: name that gang"));
            }
        }
        return out;
    }

    /** A node to add, against the cluster's resources and racks. */
    static List<Violation> ofNewNode(
            PlacementRequest.NodeDto node, ClusterDoc doc, List<String> declaredResources, String path) {
        List<Violation> out = new ArrayList<>();
        if (doc.nodes.containsKey(node.id())) {
            out.add(new Violation(path + ".id", "node '" + node.id() + "' is already in this cluster"));
        }
        // resources named by node capacities only: a new node may name new ones
        PlacementRequest probe = doc.rules.resources() == null
                ? doc.with(List.of(node), List.of(), List.of())
                : withResources(doc, declaredResources, List.of(node), List.of(), List.of());
        for (Violation v : PlacementValidator.validate(probe)) {
            if (v.field().startsWith("$.nodes[0]")) {
                out.add(new Violation(path + v.field().substring("$.nodes[0]".length()), v.message()));
            }
        }
        return out;
    }

    /**
     * Workloads checked against the cluster's resources, services and gangs (plus {@code newGang}); violations come
     * back under {@code root} ({@code root.workloads[i]}, {@code root.gang}).
     */
    static List<Violation> workloadRules(
            List<PlacementRequest.WorkloadDto> workloads,
            PlacementRequest.GangDto newGang,
            ClusterDoc doc,
            List<String> declaredResources,
            String root) {
        List<Violation> out = new ArrayList<>();
        List<PlacementRequest.GangDto> gangs = new ArrayList<>(doc.gangs.values());
        int newGangAt = -1;
        if (newGang != null) {
            PlacementRequest.GangDto known = doc.gangs.get(newGang.id());
            if (known == null) {
                newGangAt = gangs.size();
                gangs.add(newGang);
            } else if (!Objects.equals(topology(known), topology(newGang))) {
                out.add(new Violation(
                        root + ".gang.topology", "gang '" + newGang.id() + "' is known with another topology"));
            }
        }
        PlacementRequest probe = withResources(doc, declaredResources, List.of(PROBE_NODE), gangs, workloads);
        String gangPath = "$.gangs[" + newGangAt + "]";
        for (Violation v : PlacementValidator.validate(probe)) {
            if (v.field().endsWith(".currentNode")) {
                continue; // the probe request has no real nodes: callers check currentNode themselves
            }
            if (v.field().startsWith("$.workloads")) {
                out.add(new Violation(root + v.field().substring(1), v.message()));
            } else if (newGangAt >= 0 && v.field().startsWith(gangPath)) {
                out.add(new Violation(root + ".gang" + v.field().substring(gangPath.length()), v.message()));
            }
        }
        return out;
    }

    private static String topology(PlacementRequest.GangDto g) {
        return g.topology() == null ? "ANY" : g.topology();
    }

    /** The cluster's rules with its resources declared, around other nodes, gangs and workloads. */
    private static PlacementRequest withResources(
            ClusterDoc doc,
            List<String> declaredResources,
            List<PlacementRequest.NodeDto> nodes,
            List<PlacementRequest.GangDto> gangs,
            List<PlacementRequest.WorkloadDto> workloads) {
        PlacementRequest base = doc.with(nodes, gangs, workloads);
        List<PlacementRequest.ResourceDto> resources = doc.rules.resources() != null
                ? doc.rules.resources()
                : declaredResources.stream()
                        .map(r -> new PlacementRequest.ResourceDto(r, null, null))
                        .toList();
        return new PlacementRequest(
                resources,
                base.nodes(),
                base.racks(),
                base.services(),
                base.gangs(),
                base.workloads(),
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
