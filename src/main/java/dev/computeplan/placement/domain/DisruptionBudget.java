package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * A PodDisruptionBudget resolved to a number: at most {@code allowed} of its running workloads may be disrupted
 * (moved or evicted) by one plan.
 *
 * @param id      name
 * @param allowed disruptions allowed: maxUnavailable, or healthy workloads minus minAvailable (never below 0)
 */
public record DisruptionBudget(String id, int allowed) {

    public DisruptionBudget {
        Objects.requireNonNull(id, "id");
        if (allowed < 0) {
            throw new IllegalArgumentException("allowed must be >= 0");
        }
    }
}
