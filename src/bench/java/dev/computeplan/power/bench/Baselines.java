package dev.computeplan.power.bench;

import dev.computeplan.power.solver.CapHeuristic;
import dev.computeplan.power.solver.Placement;
import dev.computeplan.power.solver.PowerInstance;

/**
 * The two baselines of the benchmark, both at full power: first come first served under the cap, and greedy
 * per-job shifting that ignores the cap, then repaired. The solver uses them as starting points too.
 */
public final class Baselines {

    private Baselines() {}

    public static Placement[] fcfs(PowerInstance inst) {
        return fullPowerOnly(new CapHeuristic(inst).earliestFit(), inst);
    }

    public static Placement[] shiftThenRepair(PowerInstance inst) {
        return new CapHeuristic(inst).shiftThenRepair();
    }

    private static Placement[] fullPowerOnly(Placement[] schedule, PowerInstance inst) {
        for (PowerInstance.Job job : inst.jobs) {
            Placement p = schedule[job.index];
            if (!p.dropped() && p.level() != job.fullPower().index) {
                throw new IllegalStateException("FCFS placed job " + job.source.id() + " below full power");
            }
        }
        return schedule;
    }
}
