package dev.computeplan.roadef;

/** One violated hard constraint, with a sentence naming the machine, service or resource involved. */
public record RoadefViolation(Constraint constraint, String message) {

    public enum Constraint {
        ASSIGNMENT,
        CAPACITY,
        TRANSIENT,
        CONFLICT,
        SPREAD,
        DEPENDENCY
    }

    @Override
    public String toString() {
        return constraint.name().toLowerCase() + ": " + message;
    }
}
