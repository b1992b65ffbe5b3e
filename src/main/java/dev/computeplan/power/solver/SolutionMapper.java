package dev.computeplan.power.solver;

import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerWeights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Between the solvers' placements and the JSON solution. */
public final class SolutionMapper {

    private SolutionMapper() {}

    public static PowerSolution toSolution(
            PowerInstance inst, Placement[] schedule, String method, PowerSolution.Status status, Long bound) {
        PowerWeights w = inst.problem.weightsOrDefault();
        long objective = new CapHeuristic(inst).total(schedule);
        double co2G = 0;
        double kwh = 0;
        double energyCost = 0;
        double penalty = 0;
        int lateJobs = 0;
        int dropped = 0;
        List<PowerSolution.JobPlan> plans = new ArrayList<>();
        for (PowerInstance.Job job : inst.jobs) {
            Placement p = schedule[job.index];
            if (p.dropped()) {
                dropped++;
                penalty += job.droppable() ? w.dropPenaltyUsd() * job.source.priority() : 0;
                plans.add(new PowerSolution.JobPlan(job.source.id(), null, true, 0, List.of()));
                continue;
            }
            PowerInstance.Level level = job.levels[p.level()];
            List<PowerSolution.Run> runs = new ArrayList<>();
            for (int r = 0; r < p.starts().length; r++) {
                int s = p.starts()[r];
                int len = p.lengths()[r];
                runs.add(new PowerSolution.Run(s, len, inst.grid.timeOf(s), inst.grid.timeOf(s + len)));
                for (int t = s; t < s + len; t++) {
                    // facility kWh: IT kWh × PUE, the final step only for the part the job runs
                    double e = level.kwhPerStep * inst.site.pueAt(t) * (t == p.end() - 1 ? level.lastFraction : 1);
                    kwh += e;
                    co2G += e * inst.grid.carbon()[t];
                    energyCost += e * inst.grid.price()[t] / 1000.0;
                }
            }
            int lateSteps = Math.max(0, p.end() - job.deadline);
            if (lateSteps > 0) {
                lateJobs++;
                penalty += lateSteps * inst.grid.grid().stepHours() * w.latePenaltyUsdPerHour() * job.source.priority();
            }
            plans.add(new PowerSolution.JobPlan(job.source.id(), level.name, false, lateSteps, runs));
        }
        Double gap = null;
        if (bound != null) {
            gap = objective == 0 ? 0.0 : Math.max(0.0, (objective - bound) / (double) objective);
        }
        return new PowerSolution(
                method,
                status,
                objective,
                bound,
                gap,
                co2G / 1000.0,
                kwh,
                energyCost,
                penalty,
                lateJobs,
                dropped,
                plans);
    }

    /** The placements of a previous solution of the same problem, or null if it does not fit this problem. */
    public static Placement[] fromSolution(PowerInstance inst, PowerSolution solution) {
        if (solution == null || solution.jobs() == null || solution.jobs().size() != inst.jobs.length) {
            return null;
        }
        Map<String, PowerSolution.JobPlan> byId = new HashMap<>();
        for (PowerSolution.JobPlan plan : solution.jobs()) {
            byId.put(plan.jobId(), plan);
        }
        Placement[] out = new Placement[inst.jobs.length];
        for (PowerInstance.Job job : inst.jobs) {
            PowerSolution.JobPlan plan = byId.get(job.source.id());
            if (plan == null) {
                return null;
            }
            if (plan.dropped()) {
                out[job.index] = Placement.DROPPED;
                continue;
            }
            int level = levelIndex(job.source, plan.level());
            if (level < 0
                    || plan.runs() == null
                    || plan.runs().isEmpty()
                    || (!job.interruptible && plan.runs().size() != 1)) {
                return null;
            }
            int[] starts = new int[plan.runs().size()];
            int[] lengths = new int[starts.length];
            for (int r = 0; r < starts.length; r++) {
                starts[r] = plan.runs().get(r).startStep();
                lengths[r] = plan.runs().get(r).steps();
                if (starts[r] < job.release
                        || lengths[r] < 1
                        || starts[r] + lengths[r] > inst.steps
                        || (r > 0 && starts[r] < starts[r - 1] + lengths[r - 1])) {
                    return null;
                }
            }
            if (!job.interruptible && lengths[0] != job.levels[level].runSteps) {
                return null;
            }
            out[job.index] = new Placement(level, starts, lengths);
        }
        return out;
    }

    private static int levelIndex(PowerJob job, String name) {
        var levels = job.levelsOrDefault();
        for (int l = 0; l < levels.size(); l++) {
            if (levels.get(l).name().equals(name)) {
                return l;
            }
        }
        return -1;
    }
}
