package dev.computeplan.placement.api.cluster;

import dev.computeplan.placement.api.PlacementRequest;
import java.util.List;
import java.util.Map;

/** Small clusters and workloads in the request vocabulary, for the cluster tests. */
final class ClusterFixtures {

    private ClusterFixtures() {}

    static PlacementRequest.NodeDto node(String id, String rack, int gpus, String type) {
        return new PlacementRequest.NodeDto(
                id, Map.of("cpu", 64_000L, "memory", 512_000L), null, "z1", null, rack, gpus, type, null, null);
    }

    static PlacementRequest.WorkloadDto workload(String id, int gpus, int milli, String gang, String node) {
        return new PlacementRequest.WorkloadDto(
                id,
                Map.of("cpu", 4_000L, "memory", 16_000L),
                gpus,
                milli,
                null,
                null,
                null,
                null,
                gang,
                node,
                null,
                null,
                null);
    }

    static PlacementRequest.WorkloadDto typed(String id, int gpus, String type) {
        return new PlacementRequest.WorkloadDto(
                id, Map.of("cpu", 4_000L), gpus, 0, List.of(type), null, null, null, null, null, null, null, null);
    }

    static PlacementRequest.WorkloadDto ofService(String id, String service, String node) {
        return new PlacementRequest.WorkloadDto(
                id, Map.of("cpu", 1_000L), 0, 0, null, null, null, service, null, node, null, null, null);
    }

    /** Two racks: r1 holds a (8 x A100) and b (4 x T4), r2 holds c (4 x A100); workloads and extras as given. */
    static PlacementRequest cluster(
            List<PlacementRequest.WorkloadDto> running,
            List<PlacementRequest.ServiceDto> services,
            List<PlacementRequest.ProbeDto> probes) {
        return cluster(running, services, probes, null);
    }

    static PlacementRequest cluster(
            List<PlacementRequest.WorkloadDto> running,
            List<PlacementRequest.ServiceDto> services,
            List<PlacementRequest.ProbeDto> probes,
            Map<String, Long> weights) {
        return new PlacementRequest(
                null,
                List.of(node("a", "r1", 8, "A100"), node("b", "r1", 4, "T4"), node("c", "r2", 4, "A100")),
                List.of(new PlacementRequest.RackDto("r1", null), new PlacementRequest.RackDto("r2", null)),
                services,
                null,
                running,
                null,
                probes,
                null,
                null,
                weights,
                null);
    }

    static DecisionRequest decide(PlacementRequest.WorkloadDto... workloads) {
        return new DecisionRequest(List.of(workloads), null, false, null);
    }
}
