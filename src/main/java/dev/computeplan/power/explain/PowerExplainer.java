package dev.computeplan.power.explain;

import dev.computeplan.power.model.JobTiming;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerWeights;
import dev.computeplan.power.model.ResolvedGrid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds a {@link PowerExplanation} from the request and a schedule, with totals recomputed by the checker. */
public final class PowerExplainer {

    /** Above this many steps only binding steps are listed, so that a year stays readable. */
    public static final int ALL_STEPS_MAX = 2_000;

    private PowerExplainer() {}

    public static PowerExplanation explain(PowerProblem problem, PowerSolution solution) {
        ResolvedGrid grid = ResolvedGrid.of(problem.grid());
        ScheduleChecker.Report report = ScheduleChecker.check(problem, grid, solution);
        PowerWeights w = problem.weightsOrDefault();
        int steps = grid.steps();
        Map<String, PowerSolution.JobPlan> plans = new HashMap<>();
        solution.jobs().forEach(p -> plans.put(p.jobId(), p));
        JobLines jobs = new JobLines(problem, grid, w);
        for (PowerJob job : problem.jobs()) {
            jobs.add(job, plans.get(job.id()));
        }
        List<PowerExplanation.StepLine> stepLines = new ArrayList<>();
        int bindingSteps = stepLines(grid, report, largestWaitingDraw(problem, grid, plans), jobs, stepLines);
        List<PowerExplanation.Why> whys = new ArrayList<>();
        for (PowerJob job : problem.jobs()) {
            PowerSolution.JobPlan plan = plans.get(job.id());
            if (plan != null && (plan.dropped() || plan.lateSteps() > 0)) {
                whys.add(why(problem, grid, report, jobs.running, job, plan, w));
            }
        }
        double baseCo2 = jobs.baseCo2;
        double co2 = report.co2Kg();
        double saved = baseCo2 == 0 ? 0 : 100 * (baseCo2 / 1000 - co2) / (baseCo2 / 1000);
        String sentence = String.format(
                Locale.ROOT,
                "%d jobs: %s kg CO2 vs %s kg if each ran at its release at full power "
                        + "(%.2f%% saved), %d late, %d dropped, the cap binds in %d steps",
                problem.jobs().size(),
                kg(co2 * 1000),
                kg(baseCo2),
                saved,
                report.lateJobs(),
                report.droppedJobs(),
                bindingSteps);
        PowerExplanation.Summary summary = new PowerExplanation.Summary(
                solution.status(),
                solution.method(),
                report.objectiveUsd(),
                solution.gap(),
                co2,
                baseCo2 / 1000,
                saved,
                report.energyKwh(),
                jobs.baseKwh,
                jobs.planCost,
                jobs.baseCost,
                report.lateJobs(),
                report.droppedJobs(),
                bindingSteps,
                sentence);
        return new PowerExplanation(
                summary,
                jobs.lines,
                steps <= ALL_STEPS_MAX ? "all" : "binding only",
                stepLines,
                whys,
                report.violations());
    }

    /** Step lines (all, or only the binding ones on long grids) into {@code out}; returns the number of binding steps. */
    private static int stepLines(
            ResolvedGrid grid,
            ScheduleChecker.Report report,
            double[] waitingKw,
            JobLines jobs,
            List<PowerExplanation.StepLine> out) {
        int steps = grid.steps();
        int bindingSteps = 0;
        for (int t = 0; t < steps; t++) {
            Double headroom = grid.hasCap() ? grid.capKw()[t] - grid.baseKw()[t] - report.drawKw()[t] : null;
            boolean binding = headroom != null && waitingKw[t] > headroom + 1e-9;
            List<String> displaced = new ArrayList<>();
            if (binding) {
                bindingSteps++;
                for (String id : jobs.atRelease.get(t)) {
                    if (!jobs.running.get(t).contains(id)) {
                        displaced.add(id);
                    }
                }
            }
            if (steps <= ALL_STEPS_MAX || binding) {
                out.add(new PowerExplanation.StepLine(
                        t,
                        grid.timeOf(t),
                        grid.hasCap() ? grid.capKw()[t] : null,
                        grid.baseKw()[t],
                        report.drawKw()[t],
                        headroom,
                        binding,
                        displaced));
            }
        }
        return bindingSteps;
    }

    /** Each job's line against running at its release at full power, with who runs (or would run) at each step. */
    private static final class JobLines {

        private final PowerProblem problem;
        private final ResolvedGrid grid;
        private final PowerWeights w;
        private final double stepHours;
        final List<List<String>> running = new ArrayList<>();
        final List<List<String>> atRelease = new ArrayList<>();
        final List<PowerExplanation.JobLine> lines = new ArrayList<>();
        double baseCo2;
        double baseKwh;
        double baseCost;
        double planCost;

        JobLines(PowerProblem problem, ResolvedGrid grid, PowerWeights w) {
            this.problem = problem;
            this.grid = grid;
            this.w = w;
            this.stepHours = problem.grid().stepMinutes() / 60.0;
            for (int t = 0; t < grid.steps(); t++) {
                running.add(new ArrayList<>());
                atRelease.add(new ArrayList<>());
            }
        }

        void add(PowerJob job, PowerSolution.JobPlan plan) {
            int steps = grid.steps();
            PowerLevel full = fullPower(job);
            int r = grid.stepOf(job.release());
            int n = JobTiming.runSteps(job, full, problem.grid().stepMinutes());
            double fullKw = job.gpus() * full.powerW() / 1000.0;
            double[] base = totals(grid, fullKw, stepHours, r, Math.min(steps, r + n), w);
            for (int t = r; t < Math.min(steps, r + n); t++) {
                atRelease.get(t).add(job.id());
            }
            baseKwh += base[0];
            baseCo2 += base[1];
            baseCost += base[2];
            if (plan == null || plan.dropped()) {
                addDropped(job, full, base);
                return;
            }
            addPlanned(job, plan, full, base);
        }

        private void addDropped(PowerJob job, PowerLevel full, double[] base) {
            lines.add(new PowerExplanation.JobLine(
                    job.id(),
                    null,
                    true,
                    List.of(),
                    0,
                    0,
                    0,
                    full.name(),
                    base[0],
                    base[1] / 1000,
                    base[2],
                    0,
                    "dropped; at release it would emit " + kg(base[1]) + " kg CO2"));
        }

        /** The planned runs' totals next to the at-release baseline, and the steps each run occupies. */
        private void addPlanned(PowerJob job, PowerSolution.JobPlan plan, PowerLevel full, double[] base) {
            int steps = grid.steps();
            PowerLevel level = ScheduleChecker.levelNamed(job, plan.level());
            double kw = level == null ? 0 : job.gpus() * level.powerW() / 1000.0;
            double[] sum = new double[3];
            List<PowerExplanation.Window> windows = new ArrayList<>();
            for (PowerSolution.Run run : plan.runs()) {
                int from = Math.max(0, run.startStep());
                int to = Math.min(steps, run.startStep() + run.steps());
                double[] part = totals(grid, kw, stepHours, from, to, w);
                for (int i = 0; i < 3; i++) {
                    sum[i] += part[i];
                }
                for (int t = from; t < to; t++) {
                    running.get(t).add(job.id());
                }
                windows.add(new PowerExplanation.Window(run.start(), run.end()));
            }
            planCost += sum[2];
            double lateHours = plan.lateSteps() * stepHours;
            String sentence = String.format(
                    Locale.ROOT,
                    "%s at %s from %s in %d run(s): %s kg CO2 vs %s kg at release at %s (%+.1f%%)%s",
                    job.id(),
                    plan.level(),
                    plan.runs().get(0).start(),
                    plan.runs().size(),
                    kg(sum[1]),
                    kg(base[1]),
                    full.name(),
                    base[1] == 0 ? 0.0 : 100 * (sum[1] - base[1]) / base[1],
                    lateHours > 0 ? String.format(Locale.ROOT, ", %.1f h late", lateHours) : "");
            lines.add(new PowerExplanation.JobLine(
                    job.id(),
                    plan.level(),
                    false,
                    windows,
                    sum[0],
                    sum[1] / 1000,
                    sum[2],
                    full.name(),
                    base[0],
                    base[1] / 1000,
                    base[2],
                    lateHours,
                    sentence));
        }
    }

    /**
     * Per step, the largest least-draw among jobs that could run there but do not: a job whose window
     * [release, max(deadline, planned end)) covers t and that is not running at t. The cap binds at t when this
     * exceeds the headroom. One pass over each job's window, so a year stays fast.
     */
    private static double[] largestWaitingDraw(
            PowerProblem problem, ResolvedGrid grid, Map<String, PowerSolution.JobPlan> plans) {
        double[] waiting = new double[grid.steps()];
        boolean[] runs = new boolean[grid.steps()];
        for (PowerJob job : problem.jobs()) {
            PowerSolution.JobPlan plan = plans.get(job.id());
            int r = grid.stepOf(job.release());
            int end = grid.stepOf(job.deadline());
            if (plan != null && !plan.dropped()) {
                mark(runs, plan, true);
                for (PowerSolution.Run run : plan.runs()) {
                    end = Math.max(end, run.startStep() + run.steps());
                }
            }
            double least = leastKw(job);
            for (int t = r; t < Math.min(grid.steps(), end); t++) {
                if (!runs[t]) {
                    waiting[t] = Math.max(waiting[t], least);
                }
            }
            // clear only this job's run steps: clearing the whole horizon per job is jobs x steps
            if (plan != null && !plan.dropped()) {
                mark(runs, plan, false);
            }
        }
        return waiting;
    }

    private static void mark(boolean[] runs, PowerSolution.JobPlan plan, boolean value) {
        for (PowerSolution.Run run : plan.runs()) {
            for (int t = Math.max(0, run.startStep()); t < Math.min(runs.length, run.startStep() + run.steps()); t++) {
                runs[t] = value;
            }
        }
    }

    private static PowerExplanation.Why why(
            PowerProblem problem,
            ResolvedGrid grid,
            ScheduleChecker.Report report,
            List<List<String>> running,
            PowerJob job,
            PowerSolution.JobPlan plan,
            PowerWeights w) {
        int r = grid.stepOf(job.release());
        int d = grid.stepOf(job.deadline());
        int needed = Integer.MAX_VALUE;
        for (PowerLevel level : job.levelsOrDefault()) {
            needed = Math.min(
                    needed, JobTiming.runSteps(job, level, problem.grid().stepMinutes()));
        }
        double least = leastKw(job);
        List<PowerExplanation.FullRange> ranges = new ArrayList<>();
        int full = 0;
        int t = r;
        while (t < d) {
            double headroom = grid.capKw()[t] - grid.baseKw()[t] - report.drawKw()[t];
            if (!grid.hasCap() || headroom + 1e-9 >= least || running.get(t).contains(job.id())) {
                t++;
                continue;
            }
            List<String> holders = running.get(t);
            int u = t;
            double min = headroom;
            while (u < d
                    && running.get(u).equals(holders)
                    && grid.capKw()[u] - grid.baseKw()[u] - report.drawKw()[u] + 1e-9 < least) {
                min = Math.min(min, grid.capKw()[u] - grid.baseKw()[u] - report.drawKw()[u]);
                u++;
            }
            full += u - t;
            ranges.add(new PowerExplanation.FullRange(grid.timeOf(t), grid.timeOf(u), min, List.copyOf(holders)));
            t = u;
        }
        int window = d - r;
        String outcome = plan.dropped() ? "dropped" : "late";
        String sentence = whySentence(job, outcome, window, needed, full, least, ranges.size(), w);
        return new PowerExplanation.Why(job.id(), outcome, window, needed, full, ranges, sentence);
    }

    /** Names the reason: the window is too short, the cap leaves too few steps, or the penalty was cheaper. */
    private static String whySentence(
            PowerJob job,
            String outcome,
            int window,
            int needed,
            int full,
            double least,
            int rangeCount,
            PowerWeights w) {
        String sentence;
        if (needed > window) {
            sentence = String.format(
                    Locale.ROOT,
                    "%s needs %d steps even at its fastest level but its window has only %d",
                    job.id(),
                    needed,
                    window);
        } else if (full > window - needed) {
            sentence = String.format(
                    Locale.ROOT,
                    "%s needs %d of the %d steps of its window at ≥ %.3f kW, but in %d of them the cap"
                            + " minus base load and other jobs leaves less (%d ranges, held by the jobs listed)",
                    job.id(),
                    needed,
                    window,
                    least,
                    full,
                    rangeCount);
        } else {
            sentence = String.format(
                    Locale.ROOT,
                    "%s could fit in its window (%d full steps of %d) but %s it was cheaper overall"
                            + " (penalty %s $%.2f × priority %d)",
                    job.id(),
                    full,
                    window,
                    outcome.equals("dropped") ? "dropping" : "finishing late",
                    outcome.equals("dropped") ? "per drop" : "per late hour",
                    outcome.equals("dropped") ? w.dropPenaltyUsd() : w.latePenaltyUsdPerHour(),
                    job.priority());
        }
        return sentence;
    }

    private static double[] totals(ResolvedGrid grid, double kw, double stepHours, int from, int to, PowerWeights w) {
        double kwh = 0;
        double co2G = 0;
        double cost = 0;
        for (int t = from; t < to; t++) {
            kwh += kw * stepHours;
            co2G += kw * stepHours * grid.carbon()[t];
            cost += (w.includeEnergyCost() ? kw * stepHours * grid.price()[t] / 1000.0 : 0)
                    + kw * stepHours * grid.carbon()[t] / 1e6 * w.co2PriceUsdPerTonne();
        }
        return new double[] {kwh, co2G, cost};
    }

    static PowerLevel fullPower(PowerJob job) {
        PowerLevel best = null;
        for (PowerLevel level : job.levelsOrDefault()) {
            if (best == null
                    || level.relativeSpeed() > best.relativeSpeed()
                    || (level.relativeSpeed() == best.relativeSpeed() && level.powerW() > best.powerW())) {
                best = level;
            }
        }
        return best;
    }

    private static double leastKw(PowerJob job) {
        double least = Double.MAX_VALUE;
        for (PowerLevel level : job.levelsOrDefault()) {
            least = Math.min(least, job.gpus() * level.powerW() / 1000.0);
        }
        return least;
    }

    private static String kg(double grams) {
        return String.format(Locale.ROOT, "%.3f", grams / 1000.0);
    }
}
