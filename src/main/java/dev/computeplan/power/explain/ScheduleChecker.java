package dev.computeplan.power.explain;

import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerWeights;
import dev.computeplan.power.model.ResolvedGrid;
import dev.computeplan.power.model.Site;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Re-verifies a schedule against the request alone, without the solvers' code: every job once, known levels,
 * runs inside the horizon and after the release, work done (with checkpoint overhead in minutes), minimum run
 * length, deadlines, the cap at every step (facility power: PUE × (base + idle inventory + job IT draw)), the GPU
 * inventory at every step; and recomputes CO2, energy, cost and penalties in doubles. Energy is physical: a job draws
 * its IT power (boards + server overhead above idle) × PUE in every step it holds, and in its final step only for the
 * part it still needs to run.
 */
public final class ScheduleChecker {

    private static final double CAP_TOLERANCE_KW = 1e-6;

    private ScheduleChecker() {}

    /**
     * What the check found and the totals it recomputed.
     *
     * @param objectiveUsd energy cost (if priced) + CO2 price × t + penalties
     * @param drawKw       planned job IT draw per step (without base load, idle inventory and PUE)
     */
    public record Report(
            List<String> violations,
            double co2Kg,
            double energyKwh,
            double energyCostUsd,
            double penaltyUsd,
            double objectiveUsd,
            int lateJobs,
            int droppedJobs,
            double[] drawKw) {

        public boolean feasible() {
            return violations.isEmpty();
        }
    }

    public static Report check(PowerProblem problem, PowerSolution solution) {
        return check(problem, ResolvedGrid.of(problem.grid()), solution);
    }

    public static Report check(PowerProblem problem, ResolvedGrid grid, PowerSolution solution) {
        return new Check(problem, grid).run(solution);
    }

    /** One check: the violations found and the totals summed so far, job by job, run by run, step by step. */
    private static final class Check {

        private final PowerProblem problem;
        private final ResolvedGrid grid;
        private final PowerWeights w;
        private final int stepMinutes;
        private final double stepHours;
        private final double[] drawKw;
        private final int[] jobsAt;
        private final Site site;
        private final Map<String, int[]> gpusAt = new HashMap<>();
        private final List<String> violations = new ArrayList<>();
        private double co2G;
        private double kwh;
        private double energyCost;
        private double penalty;
        private int late;
        private int dropped;

        Check(PowerProblem problem, ResolvedGrid grid) {
            this.problem = problem;
            this.grid = grid;
            this.w = problem.weightsOrDefault();
            this.stepMinutes = problem.grid().stepMinutes();
            this.stepHours = stepMinutes / 60.0;
            this.drawKw = new double[grid.steps()];
            this.jobsAt = new int[grid.steps()];
            this.site = problem.siteOrDefault();
        }

        Report run(PowerSolution solution) {
            Map<String, PowerSolution.JobPlan> plans = new HashMap<>();
            for (PowerSolution.JobPlan plan : solution.jobs()) {
                if (plans.put(plan.jobId(), plan) != null) {
                    violations.add("job " + plan.jobId() + " is planned twice");
                }
            }
            for (PowerJob job : problem.jobs()) {
                PowerSolution.JobPlan plan = plans.remove(job.id());
                if (plan == null) {
                    violations.add("job " + job.id() + " is missing from the schedule");
                } else {
                    job(job, plan);
                }
            }
            for (String unknown : plans.keySet()) {
                violations.add("the schedule plans unknown job " + unknown);
            }
            cap();
            inventory();
            double objective =
                    (w.includeEnergyCost() ? energyCost : 0) + w.co2PriceUsdPerTonne() * co2G / 1e6 + penalty;
            return new Report(violations, co2G / 1000.0, kwh, energyCost, penalty, objective, late, dropped, drawKw);
        }

        private void job(PowerJob job, PowerSolution.JobPlan plan) {
            if (plan.dropped()) {
                dropped++;
                if (!job.mayBeDropped()) {
                    violations.add("job " + job.id() + " is dropped but may not be");
                }
                penalty += w.dropPenaltyUsd() * job.priority();
                return;
            }
            PowerLevel level = levelNamed(job, plan.level());
            if (level == null) {
                violations.add("job " + job.id() + " runs at unknown level " + plan.level());
                return;
            }
            List<PowerSolution.Run> runs = plan.runs();
            if (runs == null || runs.isEmpty()) {
                violations.add("job " + job.id() + " is neither dropped nor run");
                return;
            }
            if (!job.interruptible() && runs.size() != 1) {
                violations.add("job " + job.id() + " is not interruptible but has " + runs.size() + " runs");
            }
            double runHours = runs(job, level, runs);
            // work done: productive hours × GPUs × speed, after the overhead of every resume
            double productive = runHours - (runs.size() - 1) * job.checkpointOverheadMinutes() / 60.0;
            double work = productive * job.gpus() * level.relativeSpeed();
            if (work < job.workGpuHours() * (1 - 1e-9)) {
                violations.add(String.format(
                        Locale.ROOT, "job %s does %.4f of its %.4f GPU-hours", job.id(), work, job.workGpuHours()));
            }
            lateness(job, plan, runs.get(runs.size() - 1).end());
        }

        /** Checks each run and adds its draw, energy, CO2 and cost; returns the hours run. */
        private double runs(PowerJob job, PowerLevel level, List<PowerSolution.Run> runs) {
            int nodes = (job.gpus() + site.gpusPerNode() - 1) / site.gpusPerNode();
            double kw = (job.gpus() * (level.powerW() + site.busyWPerGpu() - site.idleWPerGpu())
                            + nodes * (site.busyWPerNode() - site.idleWPerNode()))
                    / 1000.0;
            int[] gpus = site.gpus() == null
                    ? null
                    : gpusAt.computeIfAbsent(String.valueOf(job.gpuModel()), k -> new int[grid.steps()]);
            // the final step is run only for what is left of the runtime after the whole steps before it
            double needSteps = job.workGpuHours() / (job.gpus() * level.relativeSpeed()) / stepHours;
            double lastPart = Math.min(1, Math.max(0, needSteps - (Math.ceil(needSteps - 1e-9) - 1)));
            PowerSolution.Run lastRun = runs.get(runs.size() - 1);
            int finalStep = lastRun.startStep() + lastRun.steps() - 1;
            double runHours = 0;
            int previousEnd = Integer.MIN_VALUE;
            for (PowerSolution.Run run : runs) {
                int from = run.startStep();
                int to = from + run.steps();
                if (run.steps() < 1 || from < 0 || to > grid.steps()) {
                    violations.add(
                            "job " + job.id() + " has a run outside the horizon: step " + from + " for " + run.steps());
                    continue;
                }
                if (!grid.timeOf(from).equals(run.start()) || !grid.timeOf(to).equals(run.end())) {
                    violations.add("job " + job.id() + ": run times " + run.start() + "–" + run.end()
                            + " do not match its steps");
                }
                if (from < previousEnd) {
                    violations.add("job " + job.id() + " has overlapping or unsorted runs");
                }
                previousEnd = to;
                if (grid.timeOf(from).isBefore(job.release())) {
                    violations.add("job " + job.id() + " starts at " + grid.timeOf(from) + " before its release "
                            + job.release());
                }
                if (job.interruptible() && run.steps() * stepMinutes < job.minRunMinutes()) {
                    violations.add("job " + job.id() + " has a run of " + run.steps() * stepMinutes
                            + " min, shorter than its minimum " + job.minRunMinutes() + " min");
                }
                runHours += run.steps() * stepHours;
                for (int t = from; t < to; t++) {
                    drawKw[t] += kw;
                    jobsAt[t]++;
                    if (gpus != null) {
                        gpus[t] += job.gpus();
                    }
                    double e = kw * stepHours * site.pueAt(t) * (t == finalStep ? lastPart : 1);
                    kwh += e;
                    co2G += e * grid.carbon()[t];
                    energyCost += e * grid.price()[t] / 1000.0;
                }
            }
            return runHours;
        }

        private void lateness(PowerJob job, PowerSolution.JobPlan plan, LocalDateTime end) {
            if (end.isAfter(job.deadline())) {
                late++;
                if (!job.mayBeLate()) {
                    violations.add("job " + job.id() + " ends at " + end + " after its deadline " + job.deadline());
                }
                double lateHours = Duration.between(job.deadline(), end).toMinutes() / 60.0;
                penalty += lateHours * w.latePenaltyUsdPerHour() * job.priority();
                long lateSteps = Duration.between(job.deadline(), end).toMinutes() / stepMinutes;
                if (lateSteps != plan.lateSteps()) {
                    violations.add("job " + job.id() + " reports " + plan.lateSteps() + " late steps, but is "
                            + lateSteps + " late");
                }
            } else if (plan.lateSteps() != 0) {
                violations.add("job " + job.id() + " reports " + plan.lateSteps() + " late steps but is on time");
            }
        }

        private void cap() {
            double idleKw = 0;
            if (site.gpus() != null) {
                for (int count : site.gpus().values()) {
                    int nodes = (count + site.gpusPerNode() - 1) / site.gpusPerNode();
                    idleKw += (count * site.idleWPerGpu() + nodes * site.idleWPerNode()) / 1000.0;
                }
            }
            for (int t = 0; t < grid.steps(); t++) {
                double facilityKw = site.pueAt(t) * (grid.baseKw()[t] + idleKw + drawKw[t]);
                if (facilityKw > grid.capKw()[t] + CAP_TOLERANCE_KW * (jobsAt[t] + 1)) {
                    violations.add(String.format(
                            Locale.ROOT,
                            "step %d (%s): the site draws %.3f kW (PUE × (base + idle + jobs %.3f kW)) but the cap"
                                    + " is %.3f kW",
                            t,
                            grid.timeOf(t),
                            facilityKw,
                            drawKw[t],
                            grid.capKw()[t]));
                }
            }
        }

        private void inventory() {
            for (Map.Entry<String, int[]> used : gpusAt.entrySet()) {
                Integer have = site.gpus().get(used.getKey());
                for (int t = 0; t < grid.steps(); t++) {
                    if (used.getValue()[t] > (have == null ? 0 : have)) {
                        violations.add("step " + t + " (" + grid.timeOf(t) + "): jobs use " + used.getValue()[t]
                                + " GPUs of model " + used.getKey() + " but the site has " + (have == null ? 0 : have));
                        break;
                    }
                }
            }
        }
    }

    static PowerLevel levelNamed(PowerJob job, String name) {
        for (PowerLevel level : job.levelsOrDefault()) {
            if (level.name().equals(name)) {
                return level;
            }
        }
        return null;
    }
}
