package dev.computeplan.placement.api;

import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementExplainer;
import dev.computeplan.placement.solver.PlacementSolver;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import org.springframework.stereotype.Component;

import java.util.List;

/** The {@code placement} problem kind: GPU/compute cluster placement solved with Timefold. */
@Component
public class PlacementKind implements ProblemKind<PlacementRequest, PlacementPlan> {

    public static final String NAME = "placement";

    private final PlacementExplainer explainer = new PlacementExplainer(PlacementSolver.solutionManager());
    private final PlacementSolver solver = new PlacementSolver(PlacementSolverSettings.defaults());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PlacementRequest> problemType() {
        return PlacementRequest.class;
    }

    @Override
    public Class<PlacementPlan> solutionType() {
        return PlacementPlan.class;
    }

    @Override
    public String solverName() {
        return "timefold";
    }

    @Override
    public List<Violation> validate(PlacementRequest problem) {
        return PlacementValidator.validate(problem);
    }

    @Override
    public Solved<PlacementPlan> solve(PlacementRequest problem, PlacementPlan warmStart, SolveControl control) {
        PlacementSolution initial = PlacementMapper.toDomain(problem, warmStart);
        PlacementSolution best = solver.solve(initial, control.timeLimit(), control::onStop,
                newBest -> control.newBest(PlacementMapper.toPlan(newBest), String.valueOf(newBest.getScore())));
        PlacementPlan plan = PlacementMapper.toPlan(best);
        return new Solved<>(plan, plan.score());
    }

    @Override
    public Object explain(PlacementRequest problem, PlacementPlan solution) {
        return explainer.explain(solved(problem, solution));
    }

    /** The domain form of a stored answer: each workload on the node the plan gives it. */
    public static PlacementSolution solved(PlacementRequest problem, PlacementPlan plan) {
        PlacementSolution solution = PlacementMapper.toDomain(problem, plan);
        PlacementSolver.solutionManager().update(solution);
        return solution;
    }
}
