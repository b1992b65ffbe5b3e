package dev.computeplan.jobs;

/** The lifecycle of a solve job. */
public enum JobStatus {
    QUEUED,
    SOLVING,
    COMPLETED,
    STOPPED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == STOPPED || this == FAILED;
    }
}
