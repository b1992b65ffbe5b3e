package dev.computeplan.placement.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A typical workload shape used to measure GPU fragmentation (as in fragmentation gradient descent):
 * the free GPU capacity of a node that this shape could not use counts as fragment, weighted by {@code popularity}.
 *
 * @param id           name
 * @param requirements per-resource requirement vector (indexed by {@link Resource#index()})
 * @param gpus         whole GPUs the shape needs
 * @param gpuMilli     fractional share of one GPU (1..999) when {@code gpus == 0}, else 0
 * @param popularity   relative frequency of this shape (weight of its fragment)
 * @param gpuTypes     GPU types the shape may run on; empty = any. A shape never sees nodes of other types.
 */
public record FragmentationProbe(
        String id, long[] requirements, int gpus, int gpuMilli, long popularity, Set<String> gpuTypes) {

    public FragmentationProbe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requirements, "requirements");
        gpuTypes = gpuTypes == null ? Set.of() : Set.copyOf(gpuTypes);
    }

    /** A shape that may run on any GPU type. */
    public FragmentationProbe(String id, long[] requirements, int gpus, int gpuMilli, long popularity) {
        this(id, requirements, gpus, gpuMilli, popularity, Set.of());
    }

    /** Whether the shape may run on GPUs of {@code gpuType}. */
    public boolean allowsGpuType(String gpuType) {
        return gpuTypes.isEmpty() || gpuType != null && gpuTypes.contains(gpuType);
    }
}
