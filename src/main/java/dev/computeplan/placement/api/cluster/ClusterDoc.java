package dev.computeplan.placement.api.cluster;

import dev.computeplan.placement.api.PlacementRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's state as the placement request's vocabulary holds it: the rules of the creating request (resources,
 * racks, services, objectives, reserves, move costs, weights) and the nodes, running workloads and gangs, which
 * events change. Mutable; copied before a batch of events so that a batch applies all or none.
 */
final class ClusterDoc {

    final PlacementRequest rules;
    final LinkedHashMap<String, PlacementRequest.NodeDto> nodes = new LinkedHashMap<>();
    final LinkedHashMap<String, PlacementRequest.WorkloadDto> workloads = new LinkedHashMap<>();
    final LinkedHashMap<String, PlacementRequest.GangDto> gangs = new LinkedHashMap<>();

    ClusterDoc(PlacementRequest state) {
        this.rules = state;
        state.nodes().forEach(n -> nodes.put(n.id(), n));
        state.workloads().forEach(w -> workloads.put(w.id(), w));
        if (state.gangs() != null) {
            state.gangs().forEach(g -> gangs.put(g.id(), g));
        }
    }

    private ClusterDoc(ClusterDoc other) {
        this.rules = other.rules;
        nodes.putAll(other.nodes);
        workloads.putAll(other.workloads);
        gangs.putAll(other.gangs);
    }

    ClusterDoc copy() {
        return new ClusterDoc(this);
    }

    /** The state as one placement request (what the mapper and the validator read). */
    PlacementRequest toRequest() {
        return with(List.copyOf(nodes.values()), List.copyOf(gangs.values()), List.copyOf(workloads.values()));
    }

    /** The rules with other nodes, gangs and workloads. */
    PlacementRequest with(
            List<PlacementRequest.NodeDto> nodeList,
            List<PlacementRequest.GangDto> gangList,
            List<PlacementRequest.WorkloadDto> workloadList) {
        return new PlacementRequest(
                rules.resources(),
                nodeList,
                rules.racks(),
                rules.services(),
                gangList.isEmpty() ? null : gangList,
                workloadList,
                rules.balanceObjectives(),
                rules.fragmentationProbes(),
                rules.spareReserves(),
                rules.moveCosts(),
                rules.weights(),
                rules.disruptionBudgets());
    }

    /** A node with another state. */
    static PlacementRequest.NodeDto withState(PlacementRequest.NodeDto n, String state) {
        return new PlacementRequest.NodeDto(
                n.id(),
                n.capacity(),
                n.safetyCapacity(),
                n.zone(),
                n.networkDomain(),
                n.rack(),
                n.gpus(),
                n.gpuType(),
                state,
                n.idlePowerWatts(),
                n.powerOffWhenIdle(),
                n.labels());
    }

    /** A workload running on {@code node}. */
    static PlacementRequest.WorkloadDto runningOn(PlacementRequest.WorkloadDto w, String node) {
        return new PlacementRequest.WorkloadDto(
                w.id(),
                w.requirements(),
                w.gpus(),
                w.gpuMilli(),
                w.allowedGpuTypes(),
                w.preferredGpuTypes(),
                w.priority(),
                w.service(),
                w.gang(),
                node,
                w.moveCost(),
                w.powerWatts(),
                w.pinned());
    }

    /** Workloads recorded on a node. */
    List<String> workloadsOn(String node) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, PlacementRequest.WorkloadDto> e : workloads.entrySet()) {
            if (node.equals(e.getValue().currentNode())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
