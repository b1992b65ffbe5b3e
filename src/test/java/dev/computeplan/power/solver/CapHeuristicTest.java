package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerFixtures;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every schedule the heuristics produce passes the independent check, for many seeds. */
class CapHeuristicTest {

    private static final List<PowerLevel> LEVELS =
            List.of(new PowerLevel("300W", 1.0, 300), new PowerLevel("200W", 0.7, 190));

    /** Mixed jobs of 1–3 GPUs (some interruptible with a minimum run longer than their work), 2 days, a tight cap. */
    static PowerProblem mixed(long seed) {
        Random rnd = new Random(seed);
        double[] carbon = new double[48];
        for (int t = 0; t < carbon.length; t++) {
            carbon[t] = 100 + rnd.nextInt(300);
        }
        List<PowerJob> jobs = new ArrayList<>();
        for (int j = 0; j < 14; j++) {
            int release = rnd.nextInt(24);
            boolean split = rnd.nextBoolean();
            int gpus =
                    1 + rnd.nextInt(3); // different draws per job, so a job's placement is never priced with another's
            jobs.add(new PowerJob(
                    "j" + j,
                    PowerFixtures.at(release),
                    PowerFixtures.at(release + 6 + rnd.nextInt(12)),
                    gpus * (1 + rnd.nextInt(5)),
                    gpus,
                    split,
                    split ? 60 * (1 + rnd.nextInt(3)) : 0,
                    split ? 60 * rnd.nextInt(2) : 0,
                    LEVELS,
                    null,
                    1,
                    true,
                    false));
        }
        return new PowerProblem(PowerFixtures.hourly(carbon, 1.5), jobs, PowerFixtures.CO2_ONLY);
    }

    private static void assertChecked(String what, PowerProblem p, PowerInstance inst, Placement[] s) {
        ScheduleChecker.Report r = ScheduleChecker.check(
                p,
                SolutionMapper.toSolution(
                        inst, s, what, dev.computeplan.power.model.PowerSolution.Status.FEASIBLE, null));
        assertTrue(r.feasible(), () -> what + ": " + r.violations());
    }

    @Test
    void startsAndSearchKeepEveryConstraint() {
        for (long seed = 1; seed <= 25; seed++) {
            PowerProblem p = mixed(seed);
            PowerInstance inst = PowerInstance.of(p);
            CapHeuristic h = new CapHeuristic(inst);
            assertChecked("greedy " + seed, p, inst, h.greedy());
            assertChecked("fcfs " + seed, p, inst, h.earliestFit());
            assertChecked("shift " + seed, p, inst, h.shiftThenRepair());
            Placement[] s = h.improve(h.greedy(), () -> false, x -> {});
            assertChecked("improve " + seed, p, inst, s);
            int[] rounds = {0};
            final long seedCopy = seed;
            s = h.ruinAndRecreate(
                    s, seed, () -> ++rounds[0] > 300, x -> assertChecked("lns report " + seedCopy, p, inst, x));
            assertChecked("lns " + seed, p, inst, s);
        }
    }
}
