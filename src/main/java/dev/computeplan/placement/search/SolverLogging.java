package dev.computeplan.placement.search;

import ai.timefold.solver.core.impl.solver.DefaultSolver;

/** Names of Timefold loggers, so that code outside this package need not name Timefold's internal classes. */
public final class SolverLogging {

    /** The logger of Timefold's one-line "Solving ended ... move evaluation speed" summary. */
    public static final String SOLVE_SUMMARY = DefaultSolver.class.getName();

    private SolverLogging() {}
}
