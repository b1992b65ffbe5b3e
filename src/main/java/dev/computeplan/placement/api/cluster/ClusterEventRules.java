package dev.computeplan.placement.api.cluster;

import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.List;

/** Checks a batch of events against a cluster's state and applies it to that (scratch) state, event by event. */
final class ClusterEventRules {

    private ClusterEventRules() {}

    /**
     * @return whether the batch changes nodes (the online view is then rebuilt)
     * @throws InvalidInputException naming {@code $.events[i]...} for every event that cannot apply
     */
    static boolean check(List<ClusterEvent> events, ClusterDoc doc, List<String> declaredResources) {
        List<Violation> out = new ArrayList<>();
        boolean nodesChange = false;
        for (int i = 0; i < events.size(); i++) {
            ClusterEvent e = events.get(i);
            String path = "$.events[" + i + "]";
            int before = out.size();
            switch (e.type()) {
                case NODE_ADDED -> {
                    if (e.node() == null) {
                        out.add(new Violation(path + ".node", "NODE_ADDED needs the node"));
                    } else {
                        out.addAll(ClusterRules.ofNewNode(e.node(), doc, declaredResources, path + ".node"));
                        if (out.size() == before) {
                            doc.nodes.put(e.node().id(), e.node());
                        }
                    }
                }
                case NODE_REMOVED, NODE_CORDONED, NODE_UNCORDONED, NODE_FAILED -> nodeState(e, doc, path, out);
                case WORKLOAD_BOUND -> bound(e, doc, declaredResources, path, out);
                case WORKLOAD_FINISHED -> {
                    if (e.workloadId() == null || !doc.workloads.containsKey(e.workloadId())) {
                        out.add(new Violation(
                                path + ".workloadId", "no running workload '" + e.workloadId() + "' in this cluster"));
                    } else {
                        doc.workloads.remove(e.workloadId());
                    }
                }
            }
            nodesChange |= e.type().name().startsWith("NODE_");
        }
        if (!out.isEmpty()) {
            throw InvalidInputException.invalid(out);
        }
        return nodesChange;
    }

    private static void nodeState(ClusterEvent e, ClusterDoc doc, String path, List<Violation> out) {
        PlacementRequest.NodeDto n = e.nodeId() == null ? null : doc.nodes.get(e.nodeId());
        if (n == null) {
            out.add(new Violation(path + ".nodeId", "no node '" + e.nodeId() + "' in this cluster"));
            return;
        }
        switch (e.type()) {
            case NODE_REMOVED -> {
                doc.nodes.remove(n.id());
                doc.workloadsOn(n.id()).forEach(doc.workloads::remove);
            }
            case NODE_CORDONED -> doc.nodes.put(n.id(), ClusterDoc.withState(n, "CORDONED"));
            case NODE_UNCORDONED -> doc.nodes.put(n.id(), ClusterDoc.withState(n, "ACTIVE"));
            default -> doc.nodes.put(n.id(), ClusterDoc.withState(n, "FAILED"));
        }
    }

    private static void bound(
            ClusterEvent e, ClusterDoc doc, List<String> declaredResources, String path, List<Violation> out) {
        PlacementRequest.WorkloadDto w = e.workload();
        if (w == null) {
            out.add(new Violation(path + ".workload", "WORKLOAD_BOUND needs the workload"));
            return;
        }
        int before = out.size();
        if (w.currentNode() == null || !doc.nodes.containsKey(w.currentNode())) {
            out.add(new Violation(
                    path + ".workload.currentNode", "the node it is bound to, one of this cluster's, is required"));
        }
        if (doc.workloads.containsKey(w.id())) {
            out.add(new Violation(path + ".workload.id", "workload '" + w.id() + "' already runs in this cluster"));
        }
        if (e.gang() != null && !e.gang().id().equals(w.gang())) {
            out.add(new Violation(
                    path + ".gang", "the workload names no gang '" + e.gang().id() + "'"));
        }
        // the placement validator's rules on the workload itself; its node is checked above
        for (Violation v : ClusterRules.workloadRules(List.of(w), e.gang(), doc, declaredResources, path)) {
            out.add(new Violation(v.field().replace(path + ".workloads[0]", path + ".workload"), v.message()));
        }
        if (out.size() == before) {
            doc.workloads.put(w.id(), w);
            if (e.gang() != null) {
                doc.gangs.putIfAbsent(e.gang().id(), e.gang());
            }
        }
    }
}
