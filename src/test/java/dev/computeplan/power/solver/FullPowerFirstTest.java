package dev.computeplan.power.solver;

import static dev.computeplan.power.model.PowerFixtures.CO2_ONLY;
import static dev.computeplan.power.model.PowerFixtures.FULL;
import static dev.computeplan.power.model.PowerFixtures.at;
import static dev.computeplan.power.model.PowerFixtures.hourly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the GPU inventory binds, the cheapest level per job (slow, less energy per unit of work) holds GPUs so long
 * that later jobs run late; the full-power phase finds the schedule that finishes everything.
 */
class FullPowerFirstTest {

    /** Half the speed for 45 % of the power: 10 % less energy per unit of work, twice as long on a GPU. */
    private static final PowerLevel SLOW = new PowerLevel("slow", 0.5, 450.0);

    @Test
    void fullPowerPhaseBeatsTheCheapestLevelStartWhenGpusBind() {
        // four one-GPU jobs of 2 GPU-hours due at hour 4, two GPUs, flat carbon, no power cap
        List<PowerJob> jobs = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            jobs.add(new PowerJob(
                    id, at(0), at(4), 2.0, 1, false, 0, 0, List.of(FULL, SLOW), "A100-PCIe", 1, true, false));
        }
        double[] carbon = {100, 100, 100, 100, 100, 100, 100, 100};
        PowerProblem p = new PowerProblem(
                hourly(carbon, null), jobs, CO2_ONLY, new Site(Map.of("A100-PCIe", 2), 8, 0, 0, 0, 0, null, null));
        PowerInstance inst = PowerInstance.of(p);
        CapHeuristic h = new CapHeuristic(inst);
        Placement[] start = h.greedy();
        assertTrue(lateJobs(inst, start) > 0, "at the cheapest level two jobs hold both GPUs until hour 4");

        Placement[] found = FullPowerFirst.solve(
                inst, start, 10, PowerSolverSettings.defaults(), (s, b) -> {}, stop -> {}, () -> false);

        assertEquals(0, lateJobs(inst, found));
        assertTrue(h.total(found) < h.total(start));
        assertTrue(h.withinCap(found), "holds the two GPUs");
    }

    private static int lateJobs(PowerInstance inst, Placement[] schedule) {
        int late = 0;
        for (PowerInstance.Job job : inst.jobs) {
            if (schedule[job.index].end() > job.deadline) {
                late++;
            }
        }
        return late;
    }
}
