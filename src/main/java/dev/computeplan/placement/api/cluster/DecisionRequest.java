package dev.computeplan.placement.api.cluster;

import dev.computeplan.placement.api.PlacementRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Place one new workload, or all members of one gang, now.
 *
 * @param workloads       one workload, or the members of one gang (each naming it in {@code gang}); none running yet
 * @param gang            the members' gang when the cluster does not know it yet
 * @param dryRun          true: decide only, bind nothing (default false: a placement is bound at once)
 * @param expectedVersion the cluster version the caller saw; omitted = decide on the current state (409 when stale)
 */
public record DecisionRequest(
        @NotNull @Size(min = 1, max = 1000) @Valid List<PlacementRequest.@NotNull WorkloadDto> workloads,
        @Valid PlacementRequest.GangDto gang,
        Boolean dryRun,
        @PositiveOrZero Long expectedVersion) {

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
