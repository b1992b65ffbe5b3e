package dev.computeplan.power.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The grid's per-step numbers as arrays, with defaults applied.
 * {@code capKw[t]} is {@link Double#POSITIVE_INFINITY} where no cap is given.
 */
public record ResolvedGrid(TimeGrid grid, double[] carbon, double[] price, double[] capKw, double[] baseKw) {

    public static final int OFF_GRID = Integer.MIN_VALUE;

    /** Resolves a grid whose per-step lists have {@code steps} entries each. */
    public static ResolvedGrid of(TimeGrid grid) {
        int n = grid.steps();
        return new ResolvedGrid(
                grid,
                toArray(grid.carbonGPerKwh(), n, 0),
                toArray(grid.priceUsdPerMwh(), n, 0),
                toArray(grid.capKw(), n, Double.POSITIVE_INFINITY),
                toArray(grid.baseLoadKw(), n, 0));
    }

    public int steps() {
        return grid.steps();
    }

    public boolean hasCap() {
        return grid.capKw() != null;
    }

    /** Step index of a time on the grid, or {@link #OFF_GRID} if it is not on a step boundary. */
    public int stepOf(LocalDateTime time) {
        return stepOf(grid, time);
    }

    public static int stepOf(TimeGrid grid, LocalDateTime time) {
        long seconds = java.time.Duration.between(grid.start(), time).getSeconds();
        long stepSeconds = grid.stepMinutes() * 60L;
        if (seconds % stepSeconds != 0
                || java.time.Duration.between(grid.start(), time).getNano() != 0) {
            return OFF_GRID;
        }
        long step = seconds / stepSeconds;
        return step <= Integer.MIN_VALUE || step > Integer.MAX_VALUE ? OFF_GRID : (int) step;
    }

    public LocalDateTime timeOf(int step) {
        return grid.start().plusMinutes((long) step * grid.stepMinutes());
    }

    private static double[] toArray(List<Double> values, int n, double fallback) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = values == null ? fallback : values.get(t);
        }
        return out;
    }
}
