package dev.computeplan.procurement.model;

import dev.computeplan.procurement.model.ProcurementPlan.CostSummary;
import java.util.List;
import java.util.Map;

/**
 * One plan of the cost-versus-carbon frontier: the cheapest plan found whose tonnes of CO2e over the horizon
 * (operational, embodied in-horizon share, cloud) stay within {@code carbonCapTonnes}. {@code costUsd} is the
 * discounted cost without any carbon price; {@code carbonTonnes} and the costs are the independent checker's recount;
 * {@code gap} is the solver's relative gap on that cost (on the tonnes for the least-carbon point).
 */
public record ParetoPoint(
        PlanStatus status,
        Double carbonCapTonnes,
        Double costUsd,
        Double carbonTonnes,
        Double gap,
        Map<String, Integer> acceleratorsBoughtBySku,
        Map<String, Integer> acceleratorsBoughtBySite,
        Double cloudAcceleratorQuarters,
        CostSummary costs,
        List<String> violations) {}
