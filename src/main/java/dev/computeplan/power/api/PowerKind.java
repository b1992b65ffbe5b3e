package dev.computeplan.power.api;

import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.power.explain.PowerExplainer;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.model.PowerValidator;
import dev.computeplan.power.solver.PowerSolver;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Kind {@code power}: when jobs run and at which GPU power limit, under a site power cap, for least cost and CO2. */
@Component
public class PowerKind implements ProblemKind<PowerProblem, PowerSolution> {

    private final PowerSolver solver;

    public PowerKind(Clock clock) {
        this.solver = new PowerSolver(clock);
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public Class<PowerProblem> problemType() {
        return PowerProblem.class;
    }

    @Override
    public Class<PowerSolution> solutionType() {
        return PowerSolution.class;
    }

    @Override
    public String solverName() {
        return "or-tools-cp-sat+greedy-repair";
    }

    @Override
    public List<Violation> validate(PowerProblem problem) {
        return PowerValidator.validate(problem);
    }

    @Override
    public Solved<PowerSolution> solve(PowerProblem problem, PowerSolution warmStart, SolveControl control) {
        PowerSolution best = solver.solve(problem, warmStart, control);
        // every answer is re-checked by code that shares nothing with the solvers; a schedule the solver calls
        // feasible but the check rejects is a bug, never an answer
        ScheduleChecker.Report report = ScheduleChecker.check(problem, best);
        if (!report.feasible() && !"INFEASIBLE".equals(best.status())) {
            throw new IllegalStateException("the " + best.method() + " schedule failed the independent check: "
                    + report.violations().subList(0, Math.min(3, report.violations().size())));
        }
        return new Solved<>(best, PowerSolver.scoreText(best));
    }

    @Override
    public Object explain(PowerProblem problem, PowerSolution solution) {
        return PowerExplainer.explain(problem, solution);
    }
}
