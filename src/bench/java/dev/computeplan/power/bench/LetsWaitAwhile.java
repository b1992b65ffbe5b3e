package dev.computeplan.power.bench;

import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.api.PowerRequest.PowerJob;
import dev.computeplan.power.api.PowerRequest.PowerLevel;
import dev.computeplan.power.api.PowerRequest.PowerWeights;
import dev.computeplan.power.api.PowerRequest.TimeGrid;
import dev.computeplan.power.model.GpuCurves;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The "Let's Wait Awhile" ML scenario as power requests: {@code ml_jobs_2020.csv} (a shared test data set) on the
 * bundled German 2020 carbon series, 30-minute steps from 2020-01-01 00:00 to the last deadline. Each job is one GPU; without levels it runs at 1 kW
 * (only the shape matters for CO2 savings).
 */
public final class LetsWaitAwhile {

    public static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 0, 0);
    public static final int STEP_MINUTES = 30;
    /** $1,000/t: the µ$ objective is 1,000 × grams, so per-placement rounding is below a milligram. */
    public static final PowerWeights CO2_ONLY = new PowerWeights(1000.0, false, 0.0, 0.0);

    public static final PowerLevel ONE_KW = new PowerLevel("1kW", 1.0, 1000.0);

    private LetsWaitAwhile() {}

    public record MlJob(int id, LocalDateTime release, int durationMinutes, LocalDateTime deadline) {}

    /** The job list, e.g. {@code ../shared/data/carbon/ml_jobs_2020.csv}. */
    public static List<MlJob> jobs(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<MlJob> jobs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                jobs.add(new MlJob(
                        Integer.parseInt(c[0]),
                        LocalDateTime.parse(c[1]),
                        Integer.parseInt(c[2]),
                        LocalDateTime.parse(c[3])));
            }
            return jobs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published scenario: no cap, CO2 only, one 1 kW level. */
    public static PowerRequest paper(List<MlJob> jobs, boolean interruptible) {
        List<PowerJob> list = new ArrayList<>();
        for (MlJob j : jobs) {
            list.add(new PowerJob(
                    String.valueOf(j.id()),
                    j.release(),
                    j.deadline(),
                    j.durationMinutes() / 60.0,
                    1,
                    interruptible,
                    0,
                    0,
                    List.of(ONE_KW),
                    null,
                    1,
                    false,
                    false));
        }
        return new PowerRequest(grid(jobs, START, null, 0), list, CO2_ONLY);
    }

    /**
     * Under a site cap of {@code k} A100s at full power (k × 275.5 W) and an inventory of k A100s, with A100 power
     * levels (or full power only),
     * a time-of-use tariff, $100/t CO2, $10 per late hour; every job may be late.
     */
    public static PowerRequest capped(
            List<MlJob> jobs, LocalDateTime start, int k, boolean interruptible, boolean levels) {
        List<PowerLevel> curve = GpuCurves.levels("A100-PCIe").stream()
                .map(PowerMapper::toRequest)
                .toList();
        List<PowerLevel> allowed = levels ? curve : List.of(curve.get(0));
        List<PowerJob> list = new ArrayList<>();
        for (MlJob j : jobs) {
            list.add(new PowerJob(
                    String.valueOf(j.id()),
                    j.release(),
                    j.deadline(),
                    j.durationMinutes() / 60.0,
                    1,
                    interruptible,
                    0,
                    0,
                    allowed,
                    "A100-PCIe",
                    1,
                    true,
                    false));
        }
        double capKw = k * curve.get(0).powerW() / 1000.0;
        // the site has exactly k A100s: power levels may not run more jobs at once than there are GPUs
        PowerRequest.Site site =
                new PowerRequest.Site(java.util.Map.of("A100-PCIe", k), null, null, null, null, null, null, null);
        return new PowerRequest(
                grid(jobs, start, capKw, LATE_DAYS), list, new PowerWeights(100.0, true, 10.0, 0.0), site);
    }

    /** {@code count} jobs of at most {@code maxHours} drawn (seeded) from those released in [start, start + 7 d), windows clamped to the week. */
    public static List<MlJob> week(List<MlJob> all, LocalDateTime start, int count, long seed) {
        LocalDateTime end = start.plusDays(7);
        List<MlJob> pool = new ArrayList<>();
        // releases of the following weeks are folded into this one (same weekday and time), so 200 jobs fit one week
        for (MlJob j : all) {
            if (j.release().isBefore(start)) {
                continue;
            }
            long weeks = Duration.between(start, j.release()).toDays() / 7;
            LocalDateTime release = j.release().minusWeeks(weeks);
            LocalDateTime deadline = j.deadline().minusWeeks(weeks);
            if (deadline.isAfter(end)) {
                deadline = end;
            }
            if (!release.plusMinutes(j.durationMinutes()).isAfter(deadline)) {
                pool.add(new MlJob(j.id(), release, j.durationMinutes(), deadline));
            }
        }
        Collections.shuffle(pool, new Random(seed));
        return pool.subList(0, Math.min(count, pool.size()));
    }

    /** Under a cap the horizon runs this many days past the last deadline, so late jobs can still finish. */
    static final int LATE_DAYS = 3;

    static TimeGrid grid(List<MlJob> jobs, LocalDateTime start, Double capKw, int extraDays) {
        LocalDateTime last = jobs.stream()
                .map(MlJob::deadline)
                .max(LocalDateTime::compareTo)
                .orElseThrow()
                .plusDays(extraDays);
        int steps = (int) (Duration.between(start, last).toMinutes() / STEP_MINUTES);
        List<Double> price = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            price.add(tariff(start.plusMinutes((long) STEP_MINUTES * t)));
        }
        return new TimeGrid(
                start,
                STEP_MINUTES,
                steps,
                null,
                "ger",
                price,
                capKw == null ? null : Collections.nCopies(steps, capKw),
                null);
    }

    /** An assumed time-of-use tariff ($/MWh): 300 on workdays 08:00–20:00, 150 otherwise (no price data is public here). */
    static double tariff(LocalDateTime t) {
        boolean workday = t.getDayOfWeek().getValue() <= 5;
        return workday && t.getHour() >= 8 && t.getHour() < 20 ? 300.0 : 150.0;
    }
}
