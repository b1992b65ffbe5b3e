package dev.computeplan.power.solver;

import dev.computeplan.power.model.PowerProblem;
import java.util.SplittableRandom;

/**
 * Planning on a carbon forecast and paying the actual intensity: a replay step by step. At every step each released
 * job that has not started (non-interruptible) or not finished (interruptible) is planned again on the forecast
 * issued at that step: it runs now if its cheapest plan on that forecast runs now, and must run when waiting longer
 * would miss its deadline. The CO2 it emits is counted on the actual series. With a perfect forecast the replay is
 * the per-job optimum; jobs run at full power.
 *
 * <p>Without a cap jobs do not compete, so each job is replayed on its own; a capped problem is refused (re-planning
 * a capped site is the solver's warm start, called again as actuals arrive).
 */
public final class ForecastReplay {

    /** The forecast issued at step {@code issued} of the intensity at step {@code target} (≥ issued), gCO2/kWh. */
    public interface Forecast {
        double value(int issued, int target, double actual);
    }

    /** CO2 of the replayed schedule and of every job starting at its release, both on the actual series, kg. */
    public record Result(double realisedCo2Kg, double atReleaseCo2Kg) {
        public double savedShare() {
            return atReleaseCo2Kg == 0 ? 0 : 1 - realisedCo2Kg / atReleaseCo2Kg;
        }
    }

    private ForecastReplay() {}

    public static Forecast perfect() {
        return (issued, target, actual) -> actual;
    }

    /**
     * The Let's Wait Awhile error model: one forecast series, actual + N(0, (error × mean)²) drawn once per step,
     * whenever it is issued.
     */
    public static Forecast fixedNoise(double error, double mean, long seed) {
        return (issued, target, actual) -> actual + error * mean * gaussian(seed, 0, target);
    }

    /**
     * Error growing with the lead time: actual + N(0, σ²) with σ = error × mean × √(min(lead, horizon) / horizon),
     * drawn afresh for each issue step, so a forecast improves as its step comes nearer.
     */
    public static Forecast growingNoise(double error, double mean, int horizonSteps, long seed) {
        return (issued, target, actual) -> {
            double lead = Math.min(target - issued, horizonSteps) / (double) horizonSteps;
            return actual + error * mean * Math.sqrt(lead) * gaussian(seed, issued + 1, target);
        };
    }

    public static Result replay(PowerProblem problem, Forecast forecast) {
        PowerInstance inst = PowerInstance.of(problem);
        if (inst.capped || inst.gpuLimit.length > 0) {
            throw new IllegalArgumentException("the replay takes problems without a cap or GPU limit");
        }
        double[] actual = inst.grid.carbon();
        double realised = 0;
        double atRelease = 0;
        for (PowerInstance.Job job : inst.jobs) {
            PowerInstance.Level level = job.fullPower();
            boolean[] runs = job.interruptible
                    ? interruptible(job, level, actual, forecast)
                    : once(job, level, actual, forecast);
            realised += co2Kg(inst, level, runs, job.release, actual);
            boolean[] fromRelease = new boolean[runs.length];
            for (int k = 0; k < Math.min(level.runSteps, runs.length); k++) {
                fromRelease[k] = true;
            }
            atRelease += co2Kg(inst, level, fromRelease, job.release, actual);
        }
        return new Result(realised, atRelease);
    }

    /** Steps from the release the job runs: one run, started at the first step whose plan on the forecast says now. */
    private static boolean[] once(
            PowerInstance.Job job, PowerInstance.Level level, double[] actual, Forecast forecast) {
        int n = level.runSteps;
        int lastStart = Math.max(job.release, job.deadline - n);
        boolean[] runs = new boolean[lastStart + n - job.release];
        int start = lastStart;
        for (int now = job.release; now < lastStart; now++) {
            double[] f = issued(now, lastStart + n, actual, forecast);
            double nowCost = runCost(f, now, n, level.lastFraction, now);
            boolean best = true;
            for (int s = now + 1; s <= lastStart && best; s++) {
                best = nowCost <= runCost(f, s, n, level.lastFraction, now);
            }
            if (best) {
                start = now;
                break;
            }
        }
        for (int t = start; t < start + n; t++) {
            runs[t - job.release] = true;
        }
        return runs;
    }

    /** Steps from the release the job runs: at each step it runs if the step is among the cheapest it still needs. */
    private static boolean[] interruptible(
            PowerInstance.Job job, PowerInstance.Level level, double[] actual, Forecast forecast) {
        int end = Math.max(job.deadline, job.release + level.runSteps);
        boolean[] runs = new boolean[end - job.release];
        int left = level.runSteps;
        for (int now = job.release; now < end && left > 0; now++) {
            int room = end - now;
            boolean run = left >= room;
            if (!run) {
                double[] f = issued(now, end, actual, forecast);
                int cheaper = 0;
                for (int t = now + 1; t < end; t++) {
                    if (f[t - now] < f[0]) {
                        cheaper++;
                    }
                }
                run = cheaper < left;
            }
            if (run) {
                runs[now - job.release] = true;
                left--;
            }
        }
        return runs;
    }

    /** The forecast issued at {@code now} for steps [now, end), indexed from now. */
    private static double[] issued(int now, int end, double[] actual, Forecast forecast) {
        double[] f = new double[end - now];
        for (int t = now; t < end; t++) {
            f[t - now] = forecast.value(now, t, actual[t]);
        }
        return f;
    }

    private static double runCost(double[] f, int start, int n, double lastFraction, int now) {
        double sum = 0;
        for (int t = start; t < start + n; t++) {
            sum += (t == start + n - 1 ? lastFraction : 1) * f[t - now];
        }
        return sum;
    }

    private static double co2Kg(
            PowerInstance inst, PowerInstance.Level level, boolean[] runs, int release, double[] actual) {
        int last = -1;
        for (int k = 0; k < runs.length; k++) {
            if (runs[k]) {
                last = k;
            }
        }
        double g = 0;
        for (int k = 0; k < runs.length && release + k < inst.steps; k++) {
            if (runs[k]) {
                int t = release + k;
                double share = k == last ? level.lastFraction : 1;
                g += share * level.kwhPerStep * inst.site.pueAt(t) * actual[t];
            }
        }
        return g / 1000;
    }

    private static double gaussian(long seed, int issued, int target) {
        long key = seed * 0x9E3779B97F4A7C15L ^ ((long) issued << 32 | target & 0xffffffffL);
        return new SplittableRandom(key).nextGaussian();
    }
}
