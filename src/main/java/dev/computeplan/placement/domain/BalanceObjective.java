package dev.computeplan.placement.domain;

import java.util.Objects;

/**
 * ROADEF balance: on every node, {@code target * free(resource1)} should not exceed {@code free(resource2)};
 * the soft cost is {@code weight * max(0, target * free1 - free2)} per node, where free = capacity - usage.
 * Example: keep at least 2 free CPU per free GPU with resource1 = gpu, resource2 = cpu, target 2.
 */
public record BalanceObjective(String id, Resource resource1, Resource resource2, long target, long weight) {

    public BalanceObjective {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource1, "resource1");
        Objects.requireNonNull(resource2, "resource2");
    }
}
