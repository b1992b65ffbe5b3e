package dev.computeplan.common;

/** A request the service cannot take now but could later: answered with its status and a Retry-After. */
public abstract class RetryLaterException extends RuntimeException {

    private final int status;
    private final String title;
    private final long retryAfterSeconds;

    protected RetryLaterException(int status, String title, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
