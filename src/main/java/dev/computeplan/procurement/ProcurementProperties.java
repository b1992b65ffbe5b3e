package dev.computeplan.procurement;

import dev.computeplan.procurement.api.ProcurementLimits;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import dev.computeplan.procurement.solver.ResolveBudgets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Procurement solver configuration ({@code computeplan.procurement.*}); the defaults equal
 * {@link ProcurementSolverSettings#defaults()}.
 *
 * @param relativeGap    relative MIP gap at which SCIP stops
 * @param scipParams     extra SCIP parameters, "name = value" pairs separated by ';'
 * @param solverLog      print the OR-Tools back ends' own logs
 * @param roundedStart   start SCIP from the rounded LP relaxation (off also drops the cover rows)
 * @param coverRows      add the cover rows weighted by the relaxation's duals
 * @param warmStartShare most of the time limit the warm start may take
 * @param limits         the largest problem accepted ({@code computeplan.procurement.limits.*})
 * @param budgets        time budgets of the re-solves around the base case ({@code computeplan.procurement.budgets.*})
 */
@ConfigurationProperties("computeplan.procurement")
public record ProcurementProperties(
        @DefaultValue("0.001") double relativeGap,
        String scipParams,
        @DefaultValue("false") boolean solverLog,
        @DefaultValue("true") boolean roundedStart,
        @DefaultValue("true") boolean coverRows,
        @DefaultValue("0.35") double warmStartShare,
        @DefaultValue ProcurementLimits limits,
        @DefaultValue Budgets budgets) {

    /** See {@link ResolveBudgets}; the defaults equal {@link ResolveBudgets#defaults()}. */
    public record Budgets(
            @DefaultValue("2s") Duration bindingResolve,
            @DefaultValue("20s") Duration bindingAnalysis,
            @DefaultValue("5s") Duration bindingLp,
            @DefaultValue("1s") Duration conflictMin,
            @DefaultValue("500ms") Duration minVariant,
            @DefaultValue("0.5") double variantsBaseShare) {

        ResolveBudgets toSolver() {
            return new ResolveBudgets(
                    bindingResolve, bindingAnalysis, bindingLp, conflictMin, minVariant, variantsBaseShare);
        }
    }

    public static ProcurementProperties defaults() {
        ProcurementSolverSettings d = ProcurementSolverSettings.defaults();
        return new ProcurementProperties(
                d.relativeGap(),
                d.scipParams(),
                d.solverLog(),
                d.roundedStart(),
                d.coverRows(),
                d.warmStartShare(),
                ProcurementLimits.defaults(),
                new Budgets(
                        d.budgets().bindingResolve(),
                        d.budgets().bindingAnalysis(),
                        d.budgets().bindingLp(),
                        d.budgets().conflictMin(),
                        d.budgets().minVariant(),
                        d.budgets().variantsBaseShare()));
    }

    public ProcurementSolverSettings settings() {
        return new ProcurementSolverSettings(
                relativeGap, scipParams, solverLog, roundedStart, coverRows, warmStartShare, budgets.toSolver());
    }
}
