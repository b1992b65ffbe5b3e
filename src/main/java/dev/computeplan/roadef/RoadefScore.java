package dev.computeplan.roadef;

import java.util.List;

/** The exact ROADEF cost of a solution, split into its five parts, and every violated hard constraint. */
public record RoadefScore(
        List<RoadefViolation> violations,
        long loadCost,
        long balanceCost,
        long processMoveCost,
        long serviceMoveCost,
        long machineMoveCost) {

    public RoadefScore {
        violations = List.copyOf(violations);
    }

    public boolean feasible() {
        return violations.isEmpty();
    }

    public long total() {
        return Math.addExact(
                Math.addExact(Math.addExact(Math.addExact(loadCost, balanceCost), processMoveCost), serviceMoveCost),
                machineMoveCost);
    }

    /** The five parts as one line, e.g. for the CLI. */
    public String parts() {
        return "load " + loadCost + ", balance " + balanceCost + ", process move " + processMoveCost + ", service move "
                + serviceMoveCost + ", machine move " + machineMoveCost;
    }
}
