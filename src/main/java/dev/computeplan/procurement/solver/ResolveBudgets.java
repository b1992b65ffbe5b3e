package dev.computeplan.procurement.solver;

import java.time.Duration;

/**
 * Time budgets of the solves around the base case. Plain values: the kind maps its configuration properties to these.
 *
 * @param bindingResolve    each MIP re-solve of a binding limit (one more unit, its range and smallest increment)
 * @param bindingAnalysis   all re-solves of one explanation together
 * @param bindingLp         the LP with the plan's integers fixed whose duals price the other rows
 * @param conflictMin       least time for the conflict search when the base case is infeasible
 * @param minVariant        least time worth a variant's solve; variants beyond what is left are not solved
 * @param variantsBaseShare share of the limit the base case gets when only what-if variants follow it
 */
public record ResolveBudgets(
        Duration bindingResolve,
        Duration bindingAnalysis,
        Duration bindingLp,
        Duration conflictMin,
        Duration minVariant,
        double variantsBaseShare) {

    public static ResolveBudgets defaults() {
        return new ResolveBudgets(
                Duration.ofSeconds(2),
                Duration.ofSeconds(20),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                0.5);
    }
}
