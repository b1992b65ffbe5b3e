package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A named, additive node resource (cpu, memory, gpu memory, or any ROADEF resource).
 * Requirements and capacities are {@code long[]} vectors indexed by {@link #index()}.
 *
 * @param index          position of this resource in every requirement/capacity vector (0..R-1)
 * @param id             name, e.g. {@code cpu}
 * @param transientUsage if true, a workload moved away from its current node still holds this resource there
 * @param loadCostWeight soft cost per unit of usage above a node's safety capacity for this resource
 * @param gpuMirror      the node's GPU milli seen as a resource, so that balance objectives can name it; the GPU
 *                       rule already enforces its capacity, so node capacity does not count it twice
 */
public record Resource(int index, String id, boolean transientUsage, long loadCostWeight, boolean gpuMirror) {

    public Resource(int index, String id, boolean transientUsage, long loadCostWeight) {
        this(index, id, transientUsage, loadCostWeight, false);
    }

    public Resource {
        Objects.requireNonNull(id, "id");
        if (index < 0) {
            throw new IllegalArgumentException("resource index must be >= 0");
        }
    }
}
