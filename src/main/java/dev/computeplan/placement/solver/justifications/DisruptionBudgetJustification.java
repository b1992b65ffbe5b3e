package dev.computeplan.placement.solver.justifications;

/** A disruption budget with more of its running workloads moved or evicted than it allows. */
public record DisruptionBudgetJustification(String budgetId, int disrupted, int allowed, int excess, String description)
        implements PlacementJustification {}
