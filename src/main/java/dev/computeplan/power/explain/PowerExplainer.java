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
        int bindingSteps = stepLines(problem, grid, report, largestWaitingDraw(problem, grid, plans), jobs, stepLines);
        List<PowerExplanation.Why> whys = new ArrayList<>();
        for (PowerJob job : problem.jobs()) {
            PowerSolution.JobPlan plan = plans.get(job.id());
            if (plan != null && (plan.dropped() || plan.lateSteps() > 0)) {
                whys.add(why(problem, grid, report, jobs.running, job, plan, w));
            }
        }
        double baseCo2 = jobs.baseCo2;
        double co2 = report.co2Kg();
        // saving on the work that ran (shifted, slowed): a dropped job's emissions are work not done, not a saving
        double ranBase = jobs.ranBaseCo2;
        double saved = ranBase == 0 ? 0 : 100 * (ranBase / 1000 - co2) / (ranBase / 1000);
        String sentence = summarySentence(problem, report, jobs, saved, bindingSteps);
        PowerExplanation.Summary summary = new PowerExplanation.Summary(
                solution.status(),
                solution.method(),
                report.objectiveUsd(),
                solution.gap(),
                co2,
                baseCo2 / 1000,
                ranBase / 1000,
                saved,
                jobs.droppedBaseCo2 / 1000,
                jobs.droppedBaseKwh,
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

    private static String summarySentence(
            PowerProblem problem, ScheduleChecker.Report report, JobLines jobs, double saved, int bindingSteps) {
        return String.format(
                Locale.ROOT,
                "%d jobs: %s kg CO2 vs %s kg if the jobs that ran had run at their release at full power "
                        + "(%.2f%% saved on the work that ran), %d late, %d dropped%s, the cap binds in %d steps",
                problem.jobs().size(),
                kg(report.co2Kg() * 1000),
                kg(jobs.ranBaseCo2),
                saved,
                report.lateJobs(),
                report.droppedJobs(),
                report.droppedJobs() == 0
                        ? ""
                        : " (work not done: " + kg(jobs.droppedBaseCo2) + " kg CO2 at release, not counted as saved)",
                bindingSteps);
    }

    /** Step lines (all, or only the binding ones on long grids) into {@code out}; returns the number of binding steps. */
    private static int stepLines(
            PowerProblem problem,
            ResolvedGrid grid,
            ScheduleChecker.Report report,
            double[] waitingKw,
            JobLines jobs,
            List<PowerExplanation.StepLine> out) {
        int steps = grid.steps();
        int bindingSteps = 0;
        for (int t = 0; t < steps; t++) {
            Double headroom = grid.hasCap() ? room(problem, grid, t) - report.drawKw()[t] : null;
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
            double least = leastKw(problem, job);
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
        double least = leastKw(problem, job);
        List<PowerExplanation.FullRange> ranges = new ArrayList<>();
        int full = 0;
        int t = r;
        while (t < d) {
            double headroom = room(problem, grid, t) - report.drawKw()[t];
            if (!grid.hasCap() || headroom + 1e-9 >= least || running.get(t).contains(job.id())) {
                t++;
                continue;
            }
            List<String> holders = running.get(t);
            int u = t;
            double min = headroom;
            while (u < d
                    && running.get(u).equals(holders)
                    && room(problem, grid, u) - report.drawKw()[u] + 1e-9 < least) {
                min = Math.min(min, room(problem, grid, u) - report.drawKw()[u]);
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

    /** The least IT draw of a job, kW (boards + server overhead above idle). */
    private static double leastKw(PowerProblem problem, PowerJob job) {
        double least = Double.MAX_VALUE;
        for (PowerLevel level : job.levelsOrDefault()) {
            least = Math.min(least, problem.siteOrDefault().jobItW(job.gpus(), level.powerW()) / 1000.0);
        }
        return least;
    }

    /** IT power the jobs may draw at step t, kW: cap / PUE − base − idle inventory. */
    private static double room(PowerProblem problem, ResolvedGrid grid, int t) {
        return problem.siteOrDefault().jobRoomKw(grid, t);
    }

    static String kg(double grams) {
        return String.format(Locale.ROOT, "%.3f", grams / 1000.0);
    }
}
