package dev.computeplan.power.bench;

import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.solver.ForecastReplay;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The Let's Wait Awhile scenario (Germany, no cap) planned on a forecast and paid at the actual intensity: the
 * perfect forecast, the paper's error model (one noisy series, σ = error × mean intensity, 10 seeds) and an error
 * growing with the lead time, re-planned at every step (σ reaches error × mean at 24 h).
 */
final class ForecastTable {

    private static final int SEEDS = 10;
    private static final int DAY_STEPS = 48;

    private ForecastTable() {}

    static void print(List<LetsWaitAwhile.MlJob> jobs, CarbonSeries series) {
        System.out.println();
        System.out.println("| jobs | forecast | CO2 saved vs release (mean of seeds) | min | max | seconds |");
        System.out.println("|---|---|---|---|---|---|");
        for (boolean interruptible : new boolean[] {false, true}) {
            PowerProblem p = new PowerMapper(series).toModel(LetsWaitAwhile.paper(jobs, interruptible));
            double mean =
                    Arrays.stream(ResolvedGrid.of(p.grid()).carbon()).average().orElse(0);
            String kind = interruptible ? "interruptible" : "non-interruptible";
            row(kind, "perfect", p, seed -> ForecastReplay.perfect(), 1);
            for (double error : new double[] {0.05, 0.10}) {
                row(
                        kind,
                        "paper: fixed noise " + pct(error),
                        p,
                        seed -> ForecastReplay.fixedNoise(error, mean, seed),
                        SEEDS);
                row(
                        kind,
                        "growing with lead, " + pct(error) + " at 24 h, re-planned each step",
                        p,
                        seed -> ForecastReplay.growingNoise(error, mean, DAY_STEPS, seed),
                        SEEDS);
            }
        }
    }

    private static void row(
            String kind, String name, PowerProblem p, LongFunction<ForecastReplay.Forecast> forecast, int seeds) {
        long t0 = System.nanoTime();
        double[] saved = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            saved[seed] = 100 * ForecastReplay.replay(p, forecast.apply(seed)).savedShare();
        }
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.2f%% | %.2f%% | %.2f%% | %.1f |%n",
                kind,
                name,
                Arrays.stream(saved).average().orElse(0),
                Arrays.stream(saved).min().orElse(0),
                Arrays.stream(saved).max().orElse(0),
                (System.nanoTime() - t0) / 1e9);
    }

    private static String pct(double error) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * error);
    }
}
