package dev.computeplan.placement.api;

/** How a topology key names a node's domain, for topology spread. */
public final class TopologyKeys {

    private TopologyKeys() {}

    /**
     * The node's domain for a topology key: its label of that name, else zone ({@code zone},
     * {@code topology.kubernetes.io/zone}), rack, network domain, or its id ({@code node},
     * {@code kubernetes.io/hostname}); null when it has none.
     */
    public static String valueOf(PlacementRequest.NodeDto n, String key) {
        if (n.labels() != null && n.labels().containsKey(key)) {
            return n.labels().get(key);
        }
        return switch (key) {
            case "zone", "topology.kubernetes.io/zone" -> n.zone();
            case "rack" -> n.rack();
            case "networkDomain" -> n.networkDomain() == null ? n.zone() : n.networkDomain();
            case "node", "kubernetes.io/hostname" -> n.id();
            default -> null;
        };
    }
}
