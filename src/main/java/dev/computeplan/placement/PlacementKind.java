package dev.computeplan.placement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementChecker;
import dev.computeplan.placement.explain.PlacementExplainer;
import dev.computeplan.placement.explain.PlacementExplanation;
import dev.computeplan.placement.solver.PlacementSolver;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The {@code placement} problem kind: GPU/compute cluster placement solved with Timefold. */
@Component
public class PlacementKind implements ProblemKind<PlacementRequest, PlacementPlan> {

    public static final String NAME = "placement";

    private final PlacementExplainer explainer = new PlacementExplainer(PlacementSolver.solutionManager());
    private final PlacementSolver solver;
    private final PlacementLimits limits;

    /** With the default settings, for tests and tools. */
    public PlacementKind() {
        this(PlacementProperties.defaults());
    }

    @Autowired
    public PlacementKind(PlacementProperties properties) {
        this.solver = new PlacementSolver(properties.solverSettings());
        this.limits = properties.limits();
    }

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
    public List<Violation> checkSize(JsonNode body) {
        return limits.check(body);
    }

    @Override
    public List<Violation> validate(PlacementRequest problem) {
        return PlacementValidator.validate(problem);
    }

    @Override
    public Solved<PlacementPlan> solve(PlacementRequest problem, PlacementPlan warmStart, SolveControl control) {
        PlacementSolution initial = PlacementMapper.toDomain(problem, warmStart);
        PlacementSolution best = solver.solve(
                initial,
                control.timeLimit(),
                control::onStop,
                newBest -> control.newBest(PlacementMapper.toPlan(newBest), String.valueOf(newBest.getScore())));
        PlacementPlan plan = PlacementMapper.toPlan(best);
        verify(problem, plan);
        return new Solved<>(plan, plan.score());
    }

    /**
     * Every answer is re-checked by code that shares nothing with the solver: a plan the solver calls feasible but
     * the check rejects is a bug, never an answer.
     */
    static void verify(PlacementRequest problem, PlacementPlan plan) {
        if (!plan.feasible()) {
            return;
        }
        PlacementChecker.Report report = PlacementChecker.check(problem, plan);
        if (!report.feasible()) {
            throw new IllegalStateException("the placement the solver scored " + plan.score()
                    + " failed the independent check: "
                    + report.violations()
                            .subList(0, Math.min(3, report.violations().size())));
        }
    }

    @Override
    public Class<PlacementExplanation> explanationType() {
        return PlacementExplanation.class;
    }

    @Override
    public PlacementExplanation explain(PlacementRequest problem, PlacementPlan solution) {
        PlacementSolution solved = PlacementMapper.toDomain(problem, solution);
        PlacementSolver.solutionManager().update(solved);
        return explainer.explain(solved);
    }
}
