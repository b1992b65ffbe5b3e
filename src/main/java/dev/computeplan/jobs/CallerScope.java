package dev.computeplan.jobs;

/** The {@link JobScope} of the request being served; access control provides it, the open service has none. */
@FunctionalInterface
public interface CallerScope {

    JobScope current();
}
