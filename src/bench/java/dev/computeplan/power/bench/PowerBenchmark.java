package dev.computeplan.power.bench;

import dev.computeplan.common.SolveControl;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.api.PowerValidator;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.JobTiming;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.solver.Placement;
import dev.computeplan.power.solver.PowerInstance;
import dev.computeplan.power.solver.PowerSolver;
import dev.computeplan.power.solver.SolutionMapper;
import dev.computeplan.testing.SharedData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs the power benchmark and prints a markdown table (see benchmarks/power.sh). Arguments: K, year seconds, week
 * seconds, an optional part ({@code week}, {@code year}, {@code year-contiguous} or {@code all}) and the job list
 * (default {@code carbon/ml_jobs_2020.csv} of the shared data).
 */
public final class PowerBenchmark {

    private static final CarbonSeries SERIES = CarbonSeries.bundled();

    private PowerBenchmark() {}

    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        int yearSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int weekSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path jobFile = args.length > 4 ? Path.of(args[4]) : SharedData.root().resolve("carbon/ml_jobs_2020.csv");
        List<LetsWaitAwhile.MlJob> jobs = LetsWaitAwhile.jobs(jobFile);
        if (args.length > 3 && args[3].equals("forecast")) {
            ForecastTable.print(jobs, SERIES);
            return;
        }
        System.out.println(
                "| scenario | method | jobs | steps | seconds | status | CO2 t | CO2 saved vs release | energy MWh | cost $ "
                        + "| late jobs | late h | objective $ | gap to bound |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        boolean weekOnly = args.length > 3 && args[3].equals("week");
        boolean yearOnly = args.length > 3 && args[3].startsWith("year");
        boolean[] kinds = args.length > 3 && args[3].equals("year-contiguous")
                ? new boolean[] {false}
                : new boolean[] {false, true};
        for (boolean interruptible : weekOnly || yearOnly ? new boolean[0] : new boolean[] {false, true}) {
            PowerRequest p = LetsWaitAwhile.paper(jobs, interruptible);
            run("paper, no cap, " + (interruptible ? "interruptible" : "non-interruptible"), p, 60);
        }
        for (boolean interruptible : weekOnly ? new boolean[0] : kinds) {
            String kind = interruptible ? "interruptible" : "non-interruptible";
            PowerRequest full = LetsWaitAwhile.capped(jobs, LetsWaitAwhile.START, k, interruptible, false);
            baseline("year, cap " + k + " A100, " + kind, full, "FCFS under cap", Baselines::fcfs);
            baseline("year, cap " + k + " A100, " + kind, full, "shift, then repair", Baselines::shiftThenRepair);
            run("year, cap " + k + " A100, " + kind + ", full power", full, yearSeconds);
            run(
                    "year, cap " + k + " A100, " + kind + ", power levels",
                    LetsWaitAwhile.capped(jobs, LetsWaitAwhile.START, k, interruptible, true),
                    yearSeconds);
        }
        if (yearOnly) {
            return;
        }
        LocalDateTime monday = LocalDateTime.of(2020, 3, 2, 0, 0);
        List<LetsWaitAwhile.MlJob> week = LetsWaitAwhile.week(jobs, monday, 200, 42);
        int weekK = 3 * k;
        PowerRequest weekFull = LetsWaitAwhile.capped(week, monday, weekK, false, false);
        baseline("week 200 jobs, cap " + weekK + ", non-interruptible", weekFull, "FCFS under cap", Baselines::fcfs);
        baseline(
                "week 200 jobs, cap " + weekK + ", non-interruptible",
                weekFull,
                "shift, then repair",
                Baselines::shiftThenRepair);
        run("week 200 jobs, cap " + weekK + ", non-interruptible, full power", weekFull, weekSeconds);
        run(
                "week 200 jobs, cap " + weekK + ", non-interruptible, power levels",
                LetsWaitAwhile.capped(week, monday, weekK, false, true),
                weekSeconds);
    }

    private static void run(String scenario, PowerRequest request, int seconds) {
        PowerProblem p = check(request);
        long t0 = System.nanoTime();
        PowerSolution s = new PowerSolver(Clock.systemUTC())
                .solve(p, null, SolveControl.withTimeLimit(Duration.ofSeconds(seconds)));
        print(scenario, s.method() + " (limit " + seconds + " s)", p, s, (System.nanoTime() - t0) / 1e9);
    }

    private static void baseline(
            String scenario, PowerRequest request, String name, Function<PowerInstance, Placement[]> method) {
        PowerProblem p = check(request);
        long t0 = System.nanoTime();
        PowerInstance inst = PowerInstance.of(p);
        PowerSolution s =
                SolutionMapper.toSolution(inst, method.apply(inst), name, PowerSolution.Status.FEASIBLE, null);
        print(scenario, name, p, s, (System.nanoTime() - t0) / 1e9);
    }

    private static PowerProblem check(PowerRequest request) {
        var violations = new PowerValidator(SERIES).validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(
                    violations.subList(0, Math.min(5, violations.size())).toString());
        }
        return new PowerMapper(SERIES).toModel(request);
    }

    private static void print(String scenario, String method, PowerProblem p, PowerSolution s, double seconds) {
        ResolvedGrid grid = ResolvedGrid.of(p.grid());
        ScheduleChecker.Report r = ScheduleChecker.check(p, grid, s);
        double atRelease = atReleaseCo2Kg(p, grid);
        double lateHours =
                s.jobs().stream().mapToInt(PowerSolution.JobPlan::lateSteps).sum()
                        * p.grid().stepMinutes()
                        / 60.0;
        double cost = r.energyCostUsd() * (p.weightsOrDefault().includeEnergyCost() ? 1 : 0)
                + r.co2Kg() / 1000 * p.weightsOrDefault().co2PriceUsdPerTonne();
        String status = r.feasible()
                ? s.status().name()
                : "CHECK FAILED: " + r.violations().get(0) + " (+"
                        + (r.violations().size() - 1) + ")";
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %d | %.1f | %s | %.3f | %.2f%% | %.3f | %.0f | %d | %.1f | %.2f | %s |%n",
                scenario,
                method,
                p.jobs().size(),
                p.grid().steps(),
                seconds,
                status,
                r.co2Kg() / 1000,
                100 * (1 - r.co2Kg() / atRelease),
                r.energyKwh() / 1000,
                cost,
                r.lateJobs(),
                lateHours,
                r.objectiveUsd(),
                s.gap() == null ? "—" : String.format(Locale.ROOT, "%.3f%%", 100 * s.gap()));
    }

    /** Every job from its release at full power, contiguous, ignoring the cap. */
    static double atReleaseCo2Kg(PowerProblem p, ResolvedGrid grid) {
        double g = 0;
        for (PowerJob job : p.jobs()) {
            PowerLevel full = job.levelsOrDefault().get(0);
            for (PowerLevel l : job.levelsOrDefault()) {
                if (l.relativeSpeed() > full.relativeSpeed()) {
                    full = l;
                }
            }
            int r = grid.stepOf(job.release());
            int n = JobTiming.runSteps(job, full, p.grid().stepMinutes());
            double kwh = job.gpus() * full.powerW() / 1000 * p.grid().stepMinutes() / 60.0;
            for (int t = r; t < Math.min(grid.steps(), r + n); t++) {
                g += kwh * grid.carbon()[t];
            }
        }
        return g / 1000;
    }
}
