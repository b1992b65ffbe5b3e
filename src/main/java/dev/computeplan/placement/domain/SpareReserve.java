package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * Fail-over reserve: the active nodes of {@code zone} keep at least {@code gpus} completely free GPUs.
 */
public record SpareReserve(String zone, int gpus) {

    public SpareReserve {
        Objects.requireNonNull(zone, "zone");
        if (gpus < 0) {
            throw new IllegalArgumentException("gpus must be >= 0");
        }
    }
}
