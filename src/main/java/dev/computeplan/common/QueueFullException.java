package dev.computeplan.common;

/** The job queue is at capacity: answered with 429 and a Retry-After. */
public class QueueFullException extends RetryLaterException {

    public QueueFullException(String message, long retryAfterSeconds) {
        super(429, "Too many jobs", message, retryAfterSeconds);
    }
}
