package dev.computeplan.placement.api.cluster;

import static dev.computeplan.common.WireText.NAME_MAX;
import static dev.computeplan.common.WireText.NAME_MESSAGE;
import static dev.computeplan.common.WireText.NAME_PATTERN;

import dev.computeplan.placement.api.PlacementRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One change of a cluster, in the placement request's vocabulary.
 *
 * @param type       what happened
 * @param node       NODE_ADDED: the new node
 * @param nodeId     NODE_REMOVED, NODE_CORDONED, NODE_UNCORDONED, NODE_FAILED: the node
 * @param workload   WORKLOAD_BOUND: the workload, with {@code currentNode} the node it was bound to
 * @param gang       WORKLOAD_BOUND: the workload's gang when the cluster does not know it yet
 * @param gpuIndices WORKLOAD_BOUND: the GPUs it holds on its node (omitted: chosen as a decision would)
 * @param workloadId WORKLOAD_FINISHED: the workload
 */
public record ClusterEvent(
        @NotNull Type type,
        @Valid PlacementRequest.NodeDto node,

        @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
        String nodeId,

        @Valid PlacementRequest.WorkloadDto workload,
        @Valid PlacementRequest.GangDto gang,
        @Size(max = 1024) List<@NotNull @PositiveOrZero Integer> gpuIndices,

        @Size(max = NAME_MAX) @Pattern(regexp = NAME_PATTERN, message = NAME_MESSAGE)
        String workloadId) {

    /** The kinds of change a scheduler reports. */
    public enum Type {
        NODE_ADDED,
        /** The node leaves; the workloads recorded on it leave with it. */
        NODE_REMOVED,
        NODE_CORDONED,
        NODE_UNCORDONED,
        /** Nothing runs on it; its workloads stay recorded until they are reported finished. */
        NODE_FAILED,
        WORKLOAD_BOUND,
        WORKLOAD_FINISHED
    }

    static ClusterEvent bound(PlacementRequest.WorkloadDto workload, PlacementRequest.GangDto gang, int[] gpus) {
        List<Integer> indices = java.util.Arrays.stream(gpus).boxed().toList();
        return new ClusterEvent(Type.WORKLOAD_BOUND, null, null, workload, gang, indices, null);
    }
}
