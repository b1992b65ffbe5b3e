package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.PlanStatus;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementProblem;

/**
 * The plan an interrupted attempt at the same problem left (a lease taken over, a restart): SCIP gets it as a complete
 * hint, which it accepts as its incumbent, so that it prunes with that objective from the first node (SCIP takes no
 * separate cutoff through OR-Tools). Then the resumed solve's answer is never worse than that plan, and keeps the
 * best bound the earlier attempt proved: both are valid for the same problem, whatever the attempt that found them.
 */
final class Resumed {

    private final ProcurementPlan plan;

    private Resumed(ProcurementPlan plan) {
        this.plan = plan;
    }

    /** The earlier plan if it is one of this problem that passes the audit, else null (a start from scratch). */
    static Resumed of(ProcurementProblem problem, ProcurementPlan earlier, PlanAudit audit) {
        if (earlier == null
                || earlier.objectiveUsd() == null
                || !earlier.status().hasPlan()) {
            return null;
        }
        return audit.check(problem, earlier).ok() ? new Resumed(earlier) : null;
    }

    /**
     * The better of the resumed solve's plan and the earlier one (the earlier one also when this solve found none),
     * with the larger of the two bounds and the gap between it and the objective; OPTIMAL once that gap is within the
     * requested one.
     */
    ProcurementPlan keepBest(ProcurementPlan solved, double relativeGap) {
        boolean improved = solved.objectiveUsd() != null && solved.objectiveUsd() <= plan.objectiveUsd();
        ProcurementPlan best = improved
                ? solved
                : plan.toBuilder()
                        .variants(java.util.List.of())
                        .message("the interrupted attempt's plan: the resumed solve found none better")
                        .build();
        double objective = best.objectiveUsd();
        double bound = Math.max(bound(solved), bound(plan));
        if (Double.isInfinite(bound)) {
            return best;
        }
        bound = Math.min(bound, objective);
        double gap = (objective - bound) / Math.max(1e-9, Math.abs(objective));
        PlanStatus status = gap <= relativeGap ? PlanStatus.OPTIMAL : PlanStatus.FEASIBLE;
        return best.withBound(status, bound, gap);
    }

    private static double bound(ProcurementPlan p) {
        return p.bestBoundUsd() == null || p.bestBoundUsd().isNaN() ? Double.NEGATIVE_INFINITY : p.bestBoundUsd();
    }
}
