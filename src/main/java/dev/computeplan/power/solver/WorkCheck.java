package dev.computeplan.power.solver;

/** Whether placements do each job's work within its reach: used to accept a warm start as a starting schedule. */
final class WorkCheck {

    private WorkCheck() {}

    static boolean doesAllWork(PowerInstance inst, Placement[] schedule) {
        for (PowerInstance.Job job : inst.jobs) {
            Placement p = schedule[job.index];
            if (p.dropped()) {
                continue;
            }
            if (p.level() >= job.levels.length || p.end() > job.latestEnd || p.starts()[0] < job.release) {
                return false;
            }
            int run = 0;
            for (int r = 0; r < p.lengths().length; r++) {
                run += p.lengths()[r];
                if (job.interruptible && p.lengths()[r] < job.minRun) {
                    return false;
                }
            }
            int needed = job.levels[p.level()].runSteps + job.overhead * (p.starts().length - 1);
            if (run < needed) {
                return false;
            }
        }
        return true;
    }
}
