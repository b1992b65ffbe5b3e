package dev.computeplan.common;

/** A request that does not fit the job's state, e.g. the solution of a job that has none yet: 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
