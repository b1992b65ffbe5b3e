package dev.computeplan.procurement.model;

import java.util.List;

/**
 * The plan's money and carbon as a planner books them, beside the discounted objective: cash undiscounted and paid in
 * the quarter it falls due (purchases gross of residual value at delivery), embodied carbon counted in full at purchase
 * (GHG Protocol Scope 3, category 2: capital goods) beside the in-horizon share the objective charges.
 *
 * @param cashCapexUsd             purchases at delivery, undiscounted, gross of residual value
 * @param leaseCommitmentsUsd      in-site leases, undiscounted
 * @param cloudCommitmentsUsd      cloud on-demand rental, undiscounted
 * @param energyUsd                site electricity, undiscounted
 * @param opexUsd                  server opex (support, spares), undiscounted
 * @param totalCashUsd             the five above added up
 * @param internalCarbonPriceUsd   the carbon price on the tonnes the objective prices (operational and amortised
 *                                 embodied), undiscounted; an internal charge, not cash
 * @param discountedObjectiveUsd   the objective the solver minimises (discounted, capex and embodied carbon net of
 *                                 residual value, carbon priced)
 * @param discountedNetCapexUsd    the capex term of that objective (discounted, net of residual value)
 * @param embodiedTonnesAtPurchase embodied carbon of the accelerators bought, in full in the quarter of delivery
 * @param embodiedTonnesAmortised  the in-horizon share of it that the objective prices
 * @param operationalTonnes        site and cloud energy carbon in the horizon
 */
public record CashFlow(
        List<Quarter> quarters,
        List<BudgetUse> budgets,
        double cashCapexUsd,
        double leaseCommitmentsUsd,
        double cloudCommitmentsUsd,
        double energyUsd,
        double opexUsd,
        double totalCashUsd,
        double internalCarbonPriceUsd,
        double discountedObjectiveUsd,
        double discountedNetCapexUsd,
        double embodiedTonnesAtPurchase,
        double embodiedTonnesAmortised,
        double operationalTonnes) {

    /** One quarter's cash out (undiscounted USD) and carbon booked (tCO2e). */
    public record Quarter(
            int quarter,
            String quarterLabel,
            double cashCapexUsd,
            double leaseUsd,
            double cloudUsd,
            double energyUsd,
            double opexUsd,
            double totalCashUsd,
            double discountFactor,
            double embodiedTonnesAtPurchase,
            double operationalTonnes) {}

    /**
     * A capex budget (a site's, or the company's when {@code site} is null) in one quarter: the purchase cash it counts
     * against it, and the share used.
     */
    public record BudgetUse(
            String site, int quarter, String quarterLabel, double budgetUsd, double usedUsd, double usedShare) {}
}
