package dev.computeplan.power.model;

import java.util.List;

/**
 * A power-capped, carbon-aware scheduling problem: when each job runs and at which GPU power limit.
 *
 * @param grid    the time grid with carbon intensity, price, cap and base load per step
 * @param jobs    the jobs to schedule
 * @param weights objective weights; {@code null} means {@link PowerWeights#DEFAULTS}
 * @param site    GPU inventory, server overhead and PUE; {@code null} means {@link Site#BOARDS_ONLY}
 */
public record PowerProblem(TimeGrid grid, List<PowerJob> jobs, PowerWeights weights, Site site) {

    public PowerProblem(TimeGrid grid, List<PowerJob> jobs, PowerWeights weights) {
        this(grid, jobs, weights, null);
    }

    public PowerWeights weightsOrDefault() {
        return weights == null ? PowerWeights.DEFAULTS : weights;
    }

    public Site siteOrDefault() {
        return site == null ? Site.BOARDS_ONLY : site;
    }
}
