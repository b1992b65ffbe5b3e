package dev.computeplan.procurement.model;

import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import dev.computeplan.procurement.model.ProcurementPlan.Purchase;
import java.util.List;
import java.util.Map;

/**
 * A two-stage plan over scenarios. {@code expectedCostUsd} is the probability-weighted discounted cost of the plan
 * whose first-stage decisions are shared by every scenario, {@code bestBoundUsd} and {@code gap} what the solver
 * proved about it. {@code expectedValuePlanUsd} is the expected cost of the expected-value plan's first stage with
 * the best recourse in each scenario (null if it cannot serve one); the value of the stochastic solution is that
 * minus {@code expectedCostUsd}. {@code firstStageOrders} are the shared orders by the quarter they are placed in.
 */
public record TwoStageResult(
        PlanStatus status,
        int firstStageQuarters,
        Double expectedCostUsd,
        Double bestBoundUsd,
        Double gap,
        Double expectedValuePlanUsd,
        Double valueOfStochasticSolutionUsd,
        List<Order> firstStageOrders,
        List<ScenarioResult> scenarios,
        String message) {

    /** Servers of a SKU for a site ordered in a quarter (delivered after the lead time, plus a scenario's slip). */
    public record Order(String sku, String site, int quarter, String quarterLabel, int servers) {}

    /**
     * One scenario's plan under the shared first stage: its cost, what it buys in total, and the expected-value plan's
     * first stage evaluated in it (null if that cannot serve the scenario).
     */
    public record ScenarioResult(
            String name,
            double probability,
            PlanStatus status,
            Double costUsd,
            Double expectedValuePlanUsd,
            Map<String, Integer> acceleratorsBoughtBySku,
            Double cloudAcceleratorQuarters,
            List<Purchase> purchases,
            CostSummary costs,
            List<String> violations) {}
}
