package dev.computeplan.security;

import dev.computeplan.jobs.CallerScope;
import dev.computeplan.jobs.JobScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The job scope of the authenticated caller: its own tenant, or every tenant for an admin. */
final class SecurityCallerScope implements CallerScope {

    /** Sees nothing and submits nothing of its own: what an unauthenticated path gets when access is controlled. */
    private static final JobScope NOBODY = new JobScope(null, false, 0);

    private final boolean open;
    private final SecurityProperties.Quotas quotas;

    SecurityCallerScope(boolean open, SecurityProperties.Quotas quotas) {
        this.open = open;
        this.quotas = quotas;
    }

    @Override
    public JobScope current() {
        if (open) {
            return JobScope.open();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof CallerAuthentication caller) {
            return new JobScope(
                    caller.tenant(),
                    caller.has(Role.ADMIN),
                    quotas.of(caller.tenant()).maxActiveJobs());
        }
        return NOBODY;
    }
}
