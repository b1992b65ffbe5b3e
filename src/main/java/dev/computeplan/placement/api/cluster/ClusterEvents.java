package dev.computeplan.placement.api.cluster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes to apply to a cluster, in order and all or none.
 *
 * @param events          the changes
 * @param expectedVersion the cluster version the caller saw; omitted = apply whatever the version (409 when stale)
 */
public record ClusterEvents(
        @NotNull @Size(min = 1, max = 10_000) @Valid List<@NotNull ClusterEvent> events,
        @PositiveOrZero Long expectedVersion) {}
