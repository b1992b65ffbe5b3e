package dev.computeplan.power.explain;

import dev.computeplan.power.model.JobTiming;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerWeights;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each job's line against running it at its release at full power, with who runs (or would run) at each step. Energy
 * is facility energy: the job's IT draw × PUE per step, its final step only for the part it runs.
 */
final class JobLines {

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
    /** At-release CO2 (g) of the jobs that ran; at-release CO2 (g) and kWh of the dropped ones (work not done). */
    double ranBaseCo2;

    double droppedBaseCo2;
    double droppedBaseKwh;

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
        PowerLevel full = PowerExplainer.fullPower(job);
        int r = grid.stepOf(job.release());
        int n = JobTiming.runSteps(job, full, problem.grid().stepMinutes());
        double[] base = totals(job, full, r, Math.min(steps, r + n), r + n - 1);
        for (int t = r; t < Math.min(steps, r + n); t++) {
            atRelease.get(t).add(job.id());
        }
        baseKwh += base[0];
        baseCo2 += base[1];
        baseCost += base[2];
        if (plan == null || plan.dropped()) {
            droppedBaseCo2 += base[1];
            droppedBaseKwh += base[0];
            addDropped(job, full, base);
            return;
        }
        ranBaseCo2 += base[1];
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
                "dropped (work not done); at release it would emit " + PowerExplainer.kg(base[1]) + " kg CO2"));
    }

    /** The planned runs' totals next to the at-release baseline, and the steps each run occupies. */
    private void addPlanned(PowerJob job, PowerSolution.JobPlan plan, PowerLevel full, double[] base) {
        int steps = grid.steps();
        PowerLevel level = ScheduleChecker.levelNamed(job, plan.level());
        double[] sum = new double[3];
        PowerSolution.Run last = plan.runs().get(plan.runs().size() - 1);
        int finalStep = last.startStep() + last.steps() - 1;
        List<PowerExplanation.Window> windows = new ArrayList<>();
        for (PowerSolution.Run run : plan.runs()) {
            int from = Math.max(0, run.startStep());
            int to = Math.min(steps, run.startStep() + run.steps());
            double[] part = level == null ? new double[3] : totals(job, level, from, to, finalStep);
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
                PowerExplainer.kg(sum[1]),
                PowerExplainer.kg(base[1]),
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

    /** kWh, gCO2 and $ (energy if priced + CO2) of the job at a level over [from, to), final step partly run. */
    private double[] totals(PowerJob job, PowerLevel level, int from, int to, int finalStep) {
        Site site = problem.siteOrDefault();
        double kw = site.jobItW(job.gpus(), level.powerW()) / 1000.0;
        double lastPart = JobTiming.lastStepFraction(job, level, problem.grid().stepMinutes());
        double kwh = 0;
        double co2G = 0;
        double cost = 0;
        for (int t = from; t < to; t++) {
            double e = kw * stepHours * site.pueAt(t) * (t == finalStep ? lastPart : 1);
            kwh += e;
            co2G += e * grid.carbon()[t];
            cost += (w.includeEnergyCost() ? e * grid.price()[t] / 1000.0 : 0)
                    + e * grid.carbon()[t] / 1e6 * w.co2PriceUsdPerTonne();
        }
        return new double[] {kwh, co2G, cost};
    }
}
