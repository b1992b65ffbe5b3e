package dev.computeplan.power.model;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** Small hand-made problems: hourly steps from 2026-01-01 00:00, CO2 priced at $1,000/t, energy not priced. */
public final class PowerFixtures {

    public static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
    /** $1,000/t makes 1 g CO2 cost 1,000 µ$; energy off; $1 per late hour; $5 per drop. */
    public static final PowerWeights CO2_ONLY = new PowerWeights(1000.0, false, 1.0, 5.0);

    public static final PowerLevel FULL = new PowerLevel("full", 1.0, 1000.0);
    public static final PowerLevel HALF = new PowerLevel("half", 0.5, 500.0);

    private PowerFixtures() {}

    public static TimeGrid hourly(double[] carbon, Double capKw) {
        List<Double> c = Arrays.stream(carbon).boxed().toList();
        List<Double> cap = capKw == null ? null : java.util.Collections.nCopies(carbon.length, capKw);
        return new TimeGrid(T0, 60, carbon.length, c, null, cap, null);
    }

    public static LocalDateTime at(int hour) {
        return T0.plusHours(hour);
    }

    /** A 1-GPU job of {@code hours} GPU-hours in [release, deadline). */
    public static PowerJob job(String id, int release, int deadline, double hours, List<PowerLevel> levels) {
        return new PowerJob(id, at(release), at(deadline), hours, 1, false, 0, 0, levels, null, 1, false, false);
    }

    public static PowerJob interruptible(
            String id, int release, int deadline, double hours, int minRunMinutes, int overheadMinutes) {
        return new PowerJob(
                id,
                at(release),
                at(deadline),
                hours,
                1,
                true,
                minRunMinutes,
                overheadMinutes,
                List.of(FULL),
                null,
                1,
                false,
                false);
    }

    public static PowerJob lateOk(PowerJob j) {
        return new PowerJob(
                j.id(),
                j.release(),
                j.deadline(),
                j.workGpuHours(),
                j.gpus(),
                j.interruptible(),
                j.minRunMinutes(),
                j.checkpointOverheadMinutes(),
                j.levels(),
                j.gpuModel(),
                j.priority(),
                true,
                j.mayBeDropped());
    }

    public static PowerJob dropOk(PowerJob j) {
        return new PowerJob(
                j.id(),
                j.release(),
                j.deadline(),
                j.workGpuHours(),
                j.gpus(),
                j.interruptible(),
                j.minRunMinutes(),
                j.checkpointOverheadMinutes(),
                j.levels(),
                j.gpuModel(),
                j.priority(),
                j.mayBeLate(),
                true);
    }

    public static PowerProblem problem(TimeGrid grid, PowerJob... jobs) {
        return new PowerProblem(grid, List.of(jobs), CO2_ONLY);
    }
}
