package dev.computeplan.power.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A power-capped, carbon-aware scheduling request: when each job runs and at which GPU power limit.
 *
 * @param grid    the time grid with carbon intensity, price, cap and base load per step
 * @param jobs    the jobs to schedule
 * @param weights objective weights; {@code null} means {@link PowerWeights#DEFAULTS}
 */
public record PowerProblem(
        @NotNull @Valid TimeGrid grid,
        @NotNull @Size(min = 1, max = 20_000) List<@NotNull @Valid PowerJob> jobs,
        @Valid PowerWeights weights) {

    public PowerWeights weightsOrDefault() {
        return weights == null ? PowerWeights.DEFAULTS : weights;
    }
}
