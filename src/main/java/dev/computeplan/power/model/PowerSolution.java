package dev.computeplan.power.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A schedule with its totals. {@code objectiveMicroUsd} is the solver's integer objective (µ$);
 * {@code boundMicroUsd} a proven lower bound when known, {@code gap} = (objective - bound) / objective.
 *
 * @param method   {@code cp-sat} (time-indexed), {@code interval-cp-sat}, {@code window-cp-sat}, {@code per-job-optimum},
 *                 {@code greedy-repair}, ...
 * @param status   how far the schedule is proven
 */
public record PowerSolution(
        String method,
        Status status,
        long objectiveMicroUsd,
        Long boundMicroUsd,
        Double gap,
        double co2Kg,
        double energyKwh,
        double energyCostUsd,
        double penaltyUsd,
        int lateJobs,
        int droppedJobs,
        List<JobPlan> jobs) {

    /** How far a schedule is proven; the JSON values are the constant names. */
    public enum Status {
        /** No cheaper schedule exists (the bound equals the objective). */
        OPTIMAL,
        /** Holds every rule; cheaper ones may exist. */
        FEASIBLE,
        /** No schedule holds every rule (a job that may not be dropped cannot be placed). */
        INFEASIBLE,
        /** Nothing is known yet. */
        UNKNOWN
    }

    /**
     * Where one job runs. Non-interruptible jobs have exactly one run; dropped jobs none.
     *
     * @param level      the chosen power level name (null if dropped)
     * @param lateSteps  steps the last run ends after the deadline
     */
    public record JobPlan(String jobId, String level, boolean dropped, int lateSteps, List<Run> runs) {}

    /** A contiguous run from step {@code startStep} for {@code steps} steps, with its wall-clock start and end. */
    public record Run(int startStep, int steps, LocalDateTime start, LocalDateTime end) {}
}
