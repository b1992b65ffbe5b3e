package dev.computeplan.procurement;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.SolveControl;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.procurement.api.NumberRange;
import dev.computeplan.procurement.api.ProblemValidator;
import dev.computeplan.procurement.api.ProcurementLimits;
import dev.computeplan.procurement.api.ProcurementMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import dev.computeplan.procurement.explain.Explanation;
import dev.computeplan.procurement.explain.PlanChecker;
import dev.computeplan.procurement.explain.ProcurementExplainer;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;
import dev.computeplan.procurement.solver.ProcurementSolver;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The procurement planner as a job kind: accelerator buy/lease/cloud plan as a MIP solved with SCIP. Every plan is
 * re-verified by the independent {@link PlanChecker}; a plan that breaks a rule fails the job.
 */
@Component
public class ProcurementKind implements ProblemKind<ProcurementRequest, ProcurementPlan> {

    private final ProcurementSolverSettings settings;
    private final ProcurementSolver solver;
    private final ProcurementLimits limits;

    public ProcurementKind(ProcurementProperties properties) {
        this.limits = properties.limits();
        this.settings = properties.settings();
        this.solver = new ProcurementSolver(settings, PlanChecker::verdict);
    }

    @Override
    public String name() {
        return "procurement";
    }

    @Override
    public Class<ProcurementRequest> problemType() {
        return ProcurementRequest.class;
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
    public List<Violation> checkSize(JsonNode body) {
        List<Violation> out = new java.util.ArrayList<>(limits.check(body));
        if (out.isEmpty()) {
            NumberRange.check(body, "$", out);
        }
        return out;
    }

    @Override
    public List<Violation> validate(ProcurementRequest request) {
        return ProblemValidator.validate(ProcurementMapper.toProblem(request));
    }

    @Override
    public Solved<ProcurementPlan> solve(ProcurementRequest request, ProcurementPlan warmStart, SolveControl control) {
        ProcurementProblem problem = ProcurementMapper.toProblem(request);
        // the base plan is reported as soon as it exists, so that a crash while solving variants loses nothing
        ProcurementPlan plan = solver.solve(
                problem,
                warmStart,
                control.timeLimit(),
                control::onStop,
                control::stopRequested,
                base -> control.newBest(verified(problem, base), scoreText(base)));
        String score = scoreText(verified(problem, plan));
        if (plan.objectiveUsd() != null) {
            control.newBest(plan, score);
        }
        return new Solved<>(plan, score);
    }

    @Override
    public Checked check(ProcurementRequest request, ProcurementPlan plan) {
        return new Checked(broken(ProcurementMapper.toProblem(request), plan), scoreText(plan));
    }

    /**
     * The plan unchanged if the independent checker accepts it, every solved variant, frontier point and scenario plan;
     * else the job fails.
     */
    static ProcurementPlan verified(ProcurementProblem problem, ProcurementPlan plan) {
        List<String> broken = broken(problem, plan);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("The " + plan.status() + " procurement plan fails the independent check: "
                    + String.join("; ", broken));
        }
        return plan;
    }

    private static List<String> broken(ProcurementProblem problem, ProcurementPlan plan) {
        List<String> broken = new ArrayList<>();
        if (plan.status().hasPlan()) {
            broken.addAll(PlanChecker.check(problem, plan).violations());
        }
        for (ProcurementPlan.VariantResult v : plan.variants()) {
            if (v.status().hasPlan()) {
                v.violations().forEach(message -> broken.add("variant " + v.name() + ": " + message));
            }
        }
        for (int i = 0;
                plan.paretoFrontier() != null && i < plan.paretoFrontier().size();
                i++) {
            int point = i + 1;
            plan.paretoFrontier().get(i).violations().forEach(m -> broken.add("frontier point " + point + ": " + m));
        }
        if (plan.twoStage() != null) {
            for (var s : plan.twoStage().scenarios()) {
                s.violations().forEach(m -> broken.add("scenario " + s.name() + ": " + m));
            }
        }
        return broken;
    }

    static String scoreText(ProcurementPlan plan) {
        if (plan.objectiveUsd() == null) {
            return plan.status().name();
        }
        return String.format("%s %.2f USD (gap %.4f%%)", plan.status(), plan.objectiveUsd(), 100 * plan.gap());
    }

    @Override
    public Class<Explanation> explanationType() {
        return Explanation.class;
    }

    @Override
    public Explanation explain(ProcurementRequest request, ProcurementPlan solution) {
        return ProcurementExplainer.explain(ProcurementMapper.toProblem(request), solution, settings);
    }
}
