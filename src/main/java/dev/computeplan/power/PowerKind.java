package dev.computeplan.power;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.power.api.PowerLimits;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.power.api.PowerValidator;
import dev.computeplan.power.explain.PowerExplainer;
import dev.computeplan.power.explain.PowerExplanation;
import dev.computeplan.power.explain.ScheduleChecker;
import dev.computeplan.power.model.CarbonSeries;
import dev.computeplan.power.model.PowerProblem;
import dev.computeplan.power.model.PowerSolution;
import dev.computeplan.power.solver.PowerSolver;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Kind {@code power}: when jobs run and at which GPU power limit, under a site power cap, for least cost and CO2. */
@Component
public class PowerKind implements ProblemKind<PowerRequest, PowerSolution> {

    private final PowerValidator validator;
    private final PowerMapper mapper;
    private final PowerSolver solver;
    private final PowerLimits limits;

    public PowerKind(Clock clock, PowerProperties properties) {
        this.limits = properties.limits();
        CarbonSeries series = properties.carbonSeries();
        this.validator = new PowerValidator(series);
        this.mapper = new PowerMapper(series);
        this.solver = new PowerSolver(clock, properties.solverSettings());
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public Class<PowerRequest> problemType() {
        return PowerRequest.class;
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
    public List<Violation> checkSize(JsonNode body) {
        return limits.check(body);
    }

    @Override
    public List<Violation> validate(PowerRequest request) {
        return validator.validate(request);
    }

    @Override
    public Solved<PowerSolution> solve(PowerRequest request, PowerSolution warmStart, SolveControl control) {
        PowerProblem problem = mapper.toModel(request);
        PowerSolution best = solver.solve(problem, warmStart, control);
        // every answer is re-checked by code that shares nothing with the solvers; a schedule the solver calls
        // feasible but the check rejects is a bug, never an answer
        ScheduleChecker.Report report = ScheduleChecker.check(problem, best);
        if (!report.feasible() && best.status() != PowerSolution.Status.INFEASIBLE) {
            throw new IllegalStateException("the " + best.method() + " schedule failed the independent check: "
                    + report.violations()
                            .subList(0, Math.min(3, report.violations().size())));
        }
        return new Solved<>(best, PowerSolver.scoreText(best));
    }

    @Override
    public Checked check(PowerRequest request, PowerSolution solution) {
        ScheduleChecker.Report report = ScheduleChecker.check(mapper.toModel(request), solution);
        List<String> broken = solution.status() == PowerSolution.Status.INFEASIBLE ? List.of() : report.violations();
        return new Checked(broken, PowerSolver.scoreText(solution));
    }

    @Override
    public Class<PowerExplanation> explanationType() {
        return PowerExplanation.class;
    }

    @Override
    public PowerExplanation explain(PowerRequest request, PowerSolution solution) {
        return PowerExplainer.explain(mapper.toModel(request), solution);
    }
}
