package dev.computeplan.procurement.solver;

import dev.computeplan.procurement.model.CashFlow;
import dev.computeplan.procurement.model.ProcurementPlan;
import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.ProcurementProblem;
import java.util.List;

/**
 * The independent check of a plan, handed to the solver from outside (the checker lives in {@code explain}) so that
 * the solver shares no code with what verifies it.
 */
@FunctionalInterface
public interface PlanAudit {

    Verdict check(ProcurementProblem problem, ProcurementPlan plan);

    /** Rules the plan breaks (empty if none), its cost recomputed from the request, and its cash flow as booked. */
    record Verdict(List<String> violations, CostSummary costs, CashFlow cashFlow) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }
}
