package dev.computeplan.power.explain;

import dev.computeplan.power.model.PowerSolution;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Why the schedule is what it is: totals against running every job at its release at full power, each job against
 * that baseline, the draw per step (and who a binding cap displaces), and why late or dropped jobs are so.
 */
public record PowerExplanation(
        Summary summary,
        List<JobLine> jobs,
        String stepsListed,
        List<StepLine> steps,
        List<Why> lateOrDropped,
        List<String> checkViolations) {

    /**
     * Totals; {@code atRelease*} run every job from its release at full power, ignoring the cap.
     * {@code co2SavedPercent} is the saving on the work that ran: {@code co2Kg} against {@code ranAtReleaseCo2Kg}, the
     * at-release emissions of the same jobs; the dropped jobs' at-release emissions and energy are work not done
     * ({@code droppedAtRelease*}), never counted as saved.
     */
    public record Summary(
            PowerSolution.Status status,
            String method,
            double objectiveUsd,
            Double gap,
            double co2Kg,
            double atReleaseCo2Kg,
            double ranAtReleaseCo2Kg,
            double co2SavedPercent,
            double droppedAtReleaseCo2Kg,
            double droppedAtReleaseEnergyKwh,
            double energyKwh,
            double atReleaseEnergyKwh,
            double costUsd,
            double atReleaseCostUsd,
            int lateJobs,
            int droppedJobs,
            int bindingSteps,
            String sentence) {}

    /** One job: plan and totals beside running it at release at full power; cost = energy cost (if priced) + CO2 cost. */
    public record JobLine(
            String jobId,
            String level,
            boolean dropped,
            List<Window> runs,
            double energyKwh,
            double co2Kg,
            double costUsd,
            String atReleaseLevel,
            double atReleaseEnergyKwh,
            double atReleaseCo2Kg,
            double atReleaseCostUsd,
            double lateHours,
            String sentence) {}

    public record Window(LocalDateTime start, LocalDateTime end) {}

    /**
     * One step: binding means the room left (cap − base − planned) is less than the draw of some job that could
     * run then but does not; displaced are jobs that would run here at release but the plan moved away.
     */
    public record StepLine(
            int step,
            LocalDateTime time,
            Double capKw,
            double baseKw,
            double plannedKw,
            Double headroomKw,
            boolean binding,
            List<String> displaced) {}

    /**
     * Why a job is late or dropped: the steps of its window where the cap is full for it, and who holds them.
     *
     * @param fullRanges consecutive full steps with the same holders
     */
    public record Why(
            String jobId,
            String outcome,
            int windowSteps,
            int neededSteps,
            int fullSteps,
            List<FullRange> fullRanges,
            String sentence) {}

    public record FullRange(LocalDateTime from, LocalDateTime to, double minHeadroomKw, List<String> heldBy) {}
}
