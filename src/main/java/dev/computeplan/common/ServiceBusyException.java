package dev.computeplan.common;

/** The service has no room for this request now (too many large requests at once): 503 with a Retry-After. */
public class ServiceBusyException extends RetryLaterException {

    public ServiceBusyException(String message, long retryAfterSeconds) {
        super(503, "Service busy", message, retryAfterSeconds);
    }
}
