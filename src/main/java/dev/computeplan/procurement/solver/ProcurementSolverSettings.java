package dev.computeplan.procurement.solver;

/**
 * How the procurement solver runs. Plain values: the kind maps its configuration properties to these.
 *
 * @param relativeGap    relative MIP gap at which SCIP stops (the planning accuracy asked for)
 * @param scipParams     extra SCIP parameters, "name = value" pairs separated by ';' (empty: none)
 * @param solverLog      print the OR-Tools back ends' own logs
 * @param roundedStart   start SCIP from the rounded LP relaxation ({@link WarmStart}); off also drops the cover rows,
 *                       which are weighted by that relaxation's duals
 * @param coverRows      add the cover rows ({@link ProcurementModel#coverRows}) when the relaxation is solved
 * @param warmStartShare most of the time limit the warm start may take
 * @param budgets        time budgets of the re-solves around the base case
 */
public record ProcurementSolverSettings(
        double relativeGap,
        String scipParams,
        boolean solverLog,
        boolean roundedStart,
        boolean coverRows,
        double warmStartShare,
        ResolveBudgets budgets) {

    public ProcurementSolverSettings {
        scipParams = scipParams == null ? "" : scipParams;
        budgets = budgets == null ? ResolveBudgets.defaults() : budgets;
    }

    public static ProcurementSolverSettings defaults() {
        return new ProcurementSolverSettings(1e-3, "", false, true, true, 0.35, ResolveBudgets.defaults());
    }

    public ProcurementSolverSettings withRoundedStart(boolean on) {
        return new ProcurementSolverSettings(
                relativeGap, scipParams, solverLog, on, coverRows, warmStartShare, budgets);
    }
}
