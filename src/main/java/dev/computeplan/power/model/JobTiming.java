package dev.computeplan.power.model;

/** Durations of a job on a grid, in whole steps (a partly used step counts as used: the grid is the unit). */
public final class JobTiming {

    private JobTiming() {}

    /** Steps of running at {@code level} to do the job's work: ceil(work / (gpus × speed) / stepHours). */
    public static int runSteps(PowerJob job, PowerLevel level, int stepMinutes) {
        double hours = job.workGpuHours() / (job.gpus() * level.relativeSpeed());
        double steps = hours * 60.0 / stepMinutes;
        // tolerate float noise such as 105.99999999 for an exact 106
        long rounded = (long) Math.ceil(steps - 1e-9);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, rounded));
    }

    /**
     * The part of its last step a job at {@code level} runs, in (0, 1]: runtime / step − (runSteps − 1). Every other
     * step it holds is run in full, so its energy is (runSteps − 1 + fraction) steps at its draw.
     */
    public static double lastStepFraction(PowerJob job, PowerLevel level, int stepMinutes) {
        double steps = job.workGpuHours() / (job.gpus() * level.relativeSpeed()) * 60.0 / stepMinutes;
        double fraction = steps - (runSteps(job, level, stepMinutes) - 1);
        return Math.min(1.0, Math.max(0.0, fraction));
    }

    /** Minimum run length in steps (at least 1). */
    public static int minRunSteps(PowerJob job, int stepMinutes) {
        return Math.max(1, ceilDiv(job.minRunMinutes(), stepMinutes));
    }

    /** Extra steps each resume costs (checkpoint restore), rounded up to whole steps. */
    public static int overheadSteps(PowerJob job, int stepMinutes) {
        return ceilDiv(job.checkpointOverheadMinutes(), stepMinutes);
    }

    /** The job's draw at a level in milliwatts: the integer unit of the power constraint. */
    public static long drawMilliwatts(PowerJob job, PowerLevel level) {
        return Math.round(level.powerW() * 1000.0 * job.gpus());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
