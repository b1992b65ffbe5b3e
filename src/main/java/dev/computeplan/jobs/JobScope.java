package dev.computeplan.jobs;

/**
 * Whose jobs a caller may see and what it may start: the tenant its new jobs belong to, whether it sees every
 * tenant's jobs (an admin, or anyone while the service runs open), and its limit of queued plus solving jobs.
 *
 * @param tenant        the caller's tenant; null while the service runs open
 * @param allTenants    true when the caller sees, stops and deletes every tenant's jobs
 * @param maxActiveJobs queued plus solving jobs the tenant may have at once; 0 for no limit
 */
public record JobScope(String tenant, boolean allTenants, int maxActiveJobs) {

    /** The caller of a service that runs without access control: sees everything, no limit of its own. */
    public static JobScope open() {
        return new JobScope(null, true, 0);
    }

    boolean sees(JobRecord job) {
        return allTenants || (tenant != null && tenant.equals(job.tenant()));
    }
}
