package dev.computeplan.common;

/** An id, kind or example that does not exist: answered with 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
