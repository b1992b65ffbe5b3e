package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A Kubernetes topology spread constraint of one service, resolved onto the nodes: each node is in one topology
 * domain (the value of the topology key on it), or in none when it lacks the key or cannot take the service.
 * With c(d) the service's assigned workloads in domain d and m the smallest c over all domains, the excess is
 * {@code sum_d max(0, c(d) - m - maxSkew)} plus one per workload on a node outside every domain; it is 0 exactly when
 * the skew {@code max c - min c} is at most maxSkew, as kube-scheduler defines it.
 */
public final class TopologySpread {

    private final String id;
    private final Service service;
    private final String topologyKey;
    private final int maxSkew;
    private final boolean hard;
    private final int[] domainByNode;
    private final int domainCount;

    /**
     * @param domainByNode per node index, its domain 0..domainCount-1, or -1 for no domain
     * @param hard         DoNotSchedule (hard) or ScheduleAnyway (soft)
     */
    public TopologySpread(
            String id,
            Service service,
            String topologyKey,
            int maxSkew,
            boolean hard,
            int[] domainByNode,
            int domainCount) {
        this.id = Objects.requireNonNull(id, "id");
        this.service = Objects.requireNonNull(service, "service");
        this.topologyKey = topologyKey;
        this.maxSkew = maxSkew;
        this.hard = hard;
        this.domainByNode = domainByNode.clone();
        this.domainCount = domainCount;
    }

    /** The domain of {@code node}, or -1. */
    public int domainOf(Node node) {
        return node.getIndex() < domainByNode.length ? domainByNode[node.getIndex()] : -1;
    }

    /** The excess (see the class comment) of {@code counts} per domain and {@code outside} workloads in none. */
    public long excess(int[] counts, int outside) {
        if (domainCount == 0) {
            return outside;
        }
        int min = Integer.MAX_VALUE;
        for (int c : counts) {
            min = Math.min(min, c);
        }
        long excess = outside;
        for (int c : counts) {
            excess += Math.max(0, c - min - maxSkew);
        }
        return excess;
    }

    /** The excess of the domains of these assigned workloads' nodes. */
    public long excess(Iterable<Node> nodes) {
        int[] counts = new int[domainCount];
        int outside = 0;
        for (Node n : nodes) {
            int d = domainOf(n);
            if (d < 0) {
                outside++;
            } else {
                counts[d]++;
            }
        }
        return excess(counts, outside);
    }

    public String getId() {
        return id;
    }

    public Service getService() {
        return service;
    }

    public String getTopologyKey() {
        return topologyKey;
    }

    public int getMaxSkew() {
        return maxSkew;
    }

    public boolean isHard() {
        return hard;
    }

    public int getDomainCount() {
        return domainCount;
    }

    @Override
    public String toString() {
        return id;
    }
}
