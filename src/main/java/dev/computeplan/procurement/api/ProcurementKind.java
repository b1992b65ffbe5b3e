package dev.computeplan.procurement.api;

import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.procurement.explain.ProcurementExplainer;
import dev.computeplan.procurement.model.ProblemValidator;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementSolver;
import java.util.List;
import org.springframework.stereotype.Component;

/** The procurement planner as a job kind: accelerator buy/lease/cloud plan as a MIP solved with SCIP. */
@Component
class ProcurementKind implements ProblemKind<ProcurementProblem, ProcurementPlan> {

    @Override
    public String name() {
        return "procurement";
    }

    @Override
    public Class<ProcurementProblem> problemType() {
        return ProcurementProblem.class;
    }

    @Override
    public Class<ProcurementPlan> solutionType() {
        return ProcurementPlan.class;
    }

    @Override
    public String solverName() {
        return "or-tools-scip";
    }

    @Override
    public List<Violation> validate(ProcurementProblem problem) {
        return ProblemValidator.validate(problem).stream().map(v -> new Violation(v.field(), v.message())).toList();
    }

    @Override
    public Solved<ProcurementPlan> solve(ProcurementProblem problem, ProcurementPlan warmStart, SolveControl control) {
        // the base plan is reported as soon as it exists, so that a crash while solving variants loses nothing
        ProcurementPlan plan = ProcurementSolver.solve(problem, warmStart, control.timeLimit(), control::onStop,
                control::stopRequested, base -> control.newBest(base, scoreText(base)));
        String score = scoreText(plan);
        if (plan.objectiveUsd() != null) {
            control.newBest(plan, score);
        }
        return new Solved<>(plan, score);
    }

    static String scoreText(ProcurementPlan plan) {
        if (plan.objectiveUsd() == null) {
            return plan.status();
        }
        return String.format("%s %.2f USD (gap %.4f%%)", plan.status(), plan.objectiveUsd(), 100 * plan.gap());
    }

    @Override
    public Object explain(ProcurementProblem problem, ProcurementPlan solution) {
        return ProcurementExplainer.explain(problem, solution);
    }
}
