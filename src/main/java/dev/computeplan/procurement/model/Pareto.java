package dev.computeplan.procurement.model;

/**
 * A cost-versus-carbon frontier asked for beside the base case: {@code points} plans from the cheapest to the
 * least-carbon one, each the cheapest under a cap on the horizon's tonnes of CO2e. Null points = 8.
 */
public record Pareto(Integer points) {

    public Pareto {
        points = points == null ? 8 : points;
    }
}
