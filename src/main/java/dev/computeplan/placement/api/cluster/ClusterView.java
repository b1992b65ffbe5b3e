package dev.computeplan.placement.api.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.computeplan.placement.api.PlacementRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cluster the service keeps.
 *
 * @param id         its id
 * @param version    raised by every change (event or bound decision); send it back as {@code expectedVersion}
 * @param nodes      number of nodes
 * @param workloads  number of running workloads
 * @param createdAt  creation time
 * @param updatedAt  time of the last change
 * @param state      GET only: nodes, running workloads and rules, in the placement request's vocabulary
 * @param gpuIndices GET only: the GPU indices each running workload holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterView(
        String id,
        long version,
        int nodes,
        int workloads,
        Instant createdAt,
        Instant updatedAt,
        PlacementRequest state,
        Map<String, List<Integer>> gpuIndices) {}
