package dev.computeplan.placement.solver;

import dev.computeplan.placement.domain.Node;
import dev.computeplan.placement.domain.Service;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Counters of one service's workloads: moved, assigned, per node, per zone and per network domain. */
final class ServiceCounts {
    final Service service;
    int moved;
    int assigned;
    int distinctZones;
    /** Workloads of the service per node: by node slot on clusters small enough for an array, else by node. */
    final int[] perSlot;

    final Map<Node, int[]> perNode;
    /** Workloads of the service per zone number, kept only for services with a spread. */
    final int[] perZone;
    /** Workloads per network domain (by domain number), kept only for services in a dependency. */
    int[] perDomain;

    final List<Link> dependencies = new ArrayList<>();

    /** @param slots the number of nodes for a per-node array, 0 for a map */
    ServiceCounts(Service service, int slots, int zones) {
        this.service = service;
        this.perZone = service.spreadMin() > 1 ? new int[zones] : null;
        this.perSlot = slots > 0 && service.antiAffinity() ? new int[slots] : null;
        this.perNode = perSlot == null ? new IdentityHashMap<>() : null;
    }

    int countOn(NodeSums t) {
        if (perSlot != null) {
            return perSlot[t.slot];
        }
        int[] count = perNode.get(t.node);
        return count == null ? 0 : count[0];
    }

    void setOn(NodeSums t, int count) {
        if (perSlot != null) {
            perSlot[t.slot] = count;
        } else {
            perNode.computeIfAbsent(t.node, n -> new int[1])[0] = count;
        }
    }

    long spreadShortfall() {
        return Math.max(0, Math.min(service.spreadMin(), assigned) - distinctZones);
    }

    /** A dependency between two services' counters. */
    record Link(ServiceCounts service, ServiceCounts dependsOn) {

        /** 1 when the domain hosts the dependent service but not the one it depends on. */
        int uncovered(int domain) {
            return service.perDomain[domain] > 0 && dependsOn.perDomain[domain] == 0 ? 1 : 0;
        }
    }
}
