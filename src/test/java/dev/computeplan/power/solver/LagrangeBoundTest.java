package dev.computeplan.power.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import dev.computeplan.power.model.PowerFixtures;
import dev.computeplan.power.model.PowerProblem;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LagrangeBoundTest {

    @Test
    void theBoundLiesBetweenThePerJobBoundAndTheOptimum() {
        Loader.loadNativeLibraries();
        Random rnd = new Random(8);
        int raised = 0;
        for (int round = 0; round < 8; round++) {
            PowerProblem p = PowerModelTest.random(rnd, 12, 4, 0.5, true);
            PowerInstance inst = PowerInstance.of(p);
            PowerModel model = new PowerModel(inst).build();
            CpSolver solver = new CpSolver();
            solver.getParameters().setMaxDeterministicTime(3).setNumWorkers(1).setRandomSeed(1);
            assertEquals(CpSolverStatus.OPTIMAL, solver.solve(model.model()));
            long optimum = Costs.total(inst, model.extract(solver::booleanValue));
            CapHeuristic h = new CapHeuristic(inst);
            long perJob = h.lowerBound(h.perJobOptimum());
            long lagrange = new LagrangeBound(PowerInstance.of(p)).bound(optimum, 200, () -> false);
            assertTrue(
                    perJob <= lagrange && lagrange <= optimum,
                    perJob + " ≤ " + lagrange + " ≤ " + optimum + " (round " + round + ")");
            raised += lagrange > perJob ? 1 : 0;
        }
        assertTrue(raised > 0, "the multipliers never raised the bound");
    }

    @Test
    void twoJobsUnderACapThatSeparatesThem() {
        // see PowerSolverTest: optimum 150 g (150,000 µ$), each job alone 20 g (per-job bound 40,000 µ$)
        PowerProblem p = PowerFixtures.problem(
                PowerFixtures.hourly(new double[] {100, 50, 10, 10, 80, 100}, 1.5),
                PowerFixtures.job("a", 0, 6, 2.0, List.of(PowerFixtures.FULL)),
                PowerFixtures.job("b", 0, 6, 2.0, List.of(PowerFixtures.FULL)));
        long bound = new LagrangeBound(PowerInstance.of(p)).bound(150_000, 300, () -> false);
        assertTrue(bound > 40_000 && bound <= 150_000, "bound " + bound);
    }
}
