package dev.computeplan.common;

/** The job queue is at capacity: answered with 429 and a Retry-After. */
public class QueueFullException extends RuntimeException {

    private final long retryAfterSeconds;

    public QueueFullException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
