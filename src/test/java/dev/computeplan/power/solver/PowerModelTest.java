package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerFixtures;
import dev.computeplan.power.model.PowerJob;
import dev.computeplan.power.model.PowerLevel;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CP-SAT against independent answers: the per-job optimum without a cap, brute force under a cap. */
class PowerModelTest {

    private static final List<PowerLevel> LEVELS =
            List.of(new PowerLevel("300W", 1.0, 300), new PowerLevel("200W", 0.7, 190));

    @BeforeAll
    static void load() {
        Loader.loadNativeLibraries();
    }

    static Placement[] solveExactly(PowerInstance inst, PowerModel model) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxDeterministicTime(3).setNumWorkers(1).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model.model());
        assertEquals(CpSolverStatus.OPTIMAL, status);
        Placement[] schedule = model.extract(solver::booleanValue);
        // the model's objective is the shared integer cost of what it extracts
        assertEquals((long) solver.objectiveValue(), Costs.total(inst, schedule));
        return schedule;
    }

    static PowerProblem random(Random rnd, int steps, int jobs, Double capKw, boolean interruptible) {
        double[] carbon = new double[steps];
        for (int t = 0; t < steps; t++) {
            carbon[t] = 50 + rnd.nextInt(400);
        }
        TimeGrid grid = PowerFixtures.hourly(carbon, capKw);
        List<PowerJob> list = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int release = rnd.nextInt(steps / 2);
            int deadline = Math.min(steps, release + 3 + rnd.nextInt(steps / 2));
            double hours = 1 + rnd.nextInt(Math.max(1, (deadline - release) / 2));
            boolean split = interruptible && rnd.nextBoolean();
            list.add(new PowerJob(
                    "j" + j,
                    PowerFixtures.at(release),
                    PowerFixtures.at(deadline),
                    hours,
                    1,
                    split,
                    split ? 60 * rnd.nextInt(2) : 0,
                    0,
                    LEVELS,
                    null,
                    1,
                    false,
                    true));
        }
        return new PowerProblem(grid, list, PowerFixtures.CO2_ONLY);
    }

    @Test
    void withoutCapCpSatEqualsThePerJobOptimum() {
        Random rnd = new Random(11);
        for (int round = 0; round < 10; round++) {
            PowerInstance inst = PowerInstance.of(random(rnd, 16, 4, null, true));
            Placement[] cp = solveExactly(inst, new PowerModel(inst).build());
            CapHeuristic h = new CapHeuristic(inst);
            assertEquals(h.total(h.perJobOptimum()), Costs.total(inst, cp), "round " + round);
        }
    }

    @Test
    void theFinalStepIsChargedOnlyForThePartRunOnEveryPath() {
        // 1.5 h of work on 1 kW: whole steps would pick hours 0-1 (30 + 5 = 35 g); charged exactly, hours 1-2 cost
        // 5 + 0.5 × 40 = 25 g against 30 + 0.5 × 5 = 32.5 g, so the dear hour goes last: 25 g = 25,000 µ$ at $1,000/t
        double[] carbon = {30, 5, 40};
        for (int minRun : new int[] {0, 120}) {
            PowerInstance inst = PowerInstance.of(PowerFixtures.problem(
                    PowerFixtures.hourly(carbon, null), PowerFixtures.interruptible("i", 0, 3, 1.5, minRun, 0)));
            Placement[] cp = solveExactly(inst, new PowerModel(inst).build());
            assertEquals(25_000, Costs.total(inst, cp), "CP-SAT, min run " + minRun);
            assertEquals(3, cp[0].end(), "hours 1 and 2");
            CapHeuristic h = new CapHeuristic(inst);
            assertEquals(25_000, h.total(h.perJobOptimum()), "per-job optimum, min run " + minRun);
            PowerSolution s = SolutionMapper.toSolution(
                    inst, cp, "cp-sat", dev.computeplan.power.model.PowerSolution.Status.OPTIMAL, null);
            assertEquals(1.5, s.energyKwh(), 1e-12);
            assertEquals(0.025, ScheduleChecker.check(inst.problem, s).objectiveUsd(), 1e-12);
        }
        // non-interruptible: the same 1.5 h as one run, from hour 1 (5 + 20 = 25 g) rather than hour 0 (30 + 2.5)
        PowerInstance inst = PowerInstance.of(PowerFixtures.problem(
                PowerFixtures.hourly(carbon, null), PowerFixtures.job("n", 0, 3, 1.5, List.of(PowerFixtures.FULL))));
        assertEquals(25_000, Costs.total(inst, solveExactly(inst, new PowerModel(inst).build())));
    }

    @Test
    void theRunsProgrammeEqualsCpSatForMinimumRunsAndOverhead() {
        // interruptible jobs with a 2-3 h minimum run and 0-2 h resume overhead: JobPlanner's dynamic programme
        // (per job, no cap) against the exact CP-SAT model, both may finish late at $1/h
        Random rnd = new Random(23);
        for (int round = 0; round < 12; round++) {
            double[] carbon = new double[14];
            for (int t = 0; t < carbon.length; t++) {
                carbon[t] = 20 + rnd.nextInt(300);
            }
            List<PowerJob> list = new ArrayList<>();
            for (int j = 0; j < 2; j++) {
                int release = rnd.nextInt(4);
                int deadline = release + 5 + rnd.nextInt(6);
                list.add(new PowerJob(
                        "i" + j,
                        PowerFixtures.at(release),
                        PowerFixtures.at(deadline),
                        2 + rnd.nextInt(3),
                        1,
                        true,
                        60 * (2 + rnd.nextInt(2)),
                        60 * rnd.nextInt(3),
                        LEVELS,
                        null,
                        1,
                        true,
                        false));
            }
            PowerInstance inst = PowerInstance.of(
                    new PowerProblem(PowerFixtures.hourly(carbon, null), list, PowerFixtures.CO2_ONLY));
            Placement[] cp = solveExactly(inst, new PowerModel(inst).build());
            CapHeuristic h = new CapHeuristic(inst);
            Placement[] dp = h.perJobOptimum();
            assertEquals(Costs.total(inst, cp), h.total(dp), "round " + round);
            PowerSolution s = SolutionMapper.toSolution(
                    inst, dp, "dp", dev.computeplan.power.model.PowerSolution.Status.OPTIMAL, null);
            ScheduleChecker.Report report = ScheduleChecker.check(inst.problem, s);
            assertTrue(report.feasible(), report.violations()::toString);
        }
    }

    @Test
    void underACapCpSatEqualsBruteForceAndBeatsTheHeuristic() {
        Random rnd = new Random(5);
        for (int round = 0; round < 8; round++) {
            PowerProblem problem = random(rnd, 10, 3, 0.5, false);
            PowerInstance inst = PowerInstance.of(problem);
            Placement[] cp = solveExactly(inst, new PowerModel(inst).build());
            double brute = bruteForce(problem, inst);
            PowerSolution s = SolutionMapper.toSolution(
                    inst, cp, "cp-sat", dev.computeplan.power.model.PowerSolution.Status.OPTIMAL, null);
            ScheduleChecker.Report report = ScheduleChecker.check(problem, s);
            assertTrue(report.feasible(), report.violations()::toString);
            assertEquals(brute, report.objectiveUsd(), 1e-5, "round " + round);
            CapHeuristic h = new CapHeuristic(inst);
            Placement[] heuristic = h.improve(h.greedy(), () -> false, x -> {});
            assertTrue(h.total(heuristic) >= Costs.total(inst, cp));
        }
    }

    /** Every combination of (level, start) or drop per job, priced and checked by the independent checker. */
    private static double bruteForce(PowerProblem problem, PowerInstance inst) {
        List<List<Placement>> options = new ArrayList<>();
        for (PowerInstance.Job job : inst.jobs) {
            List<Placement> o = new ArrayList<>();
            o.add(Placement.DROPPED);
            for (PowerInstance.Level level : job.levels) {
                for (int s = job.release; s + level.runSteps <= job.deadline; s++) {
                    o.add(Placement.single(level.index, s, level.runSteps));
                }
            }
            options.add(o);
        }
        double best = Double.MAX_VALUE;
        int[] idx = new int[options.size()];
        while (true) {
            Placement[] schedule = new Placement[idx.length];
            for (int j = 0; j < idx.length; j++) {
                schedule[j] = options.get(j).get(idx[j]);
            }
            ScheduleChecker.Report r = ScheduleChecker.check(
                    problem, SolutionMapper.toSolution(inst, schedule, "brute", PowerSolution.Status.FEASIBLE, null));
            if (r.feasible()) {
                best = Math.min(best, r.objectiveUsd());
            }
            int j = 0;
            while (j < idx.length && ++idx[j] == options.get(j).size()) {
                idx[j++] = 0;
            }
            if (j == idx.length) {
                return best;
            }
        }
    }
}
