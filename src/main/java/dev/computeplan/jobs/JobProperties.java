package dev.computeplan.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the job machinery ({@code computeplan.jobs.*}).
 *
 * @param workers          jobs solved at once on this replica (0 = number of cores)
 * @param queueCapacity    queued jobs accepted before submit answers 429
 * @param defaultTimeLimit time limit of a job that gives no termination
 * @param maxTimeLimit     the largest termination a client may ask for
 * @param lease            how long a replica's claim on a solving job lasts without renewal
 * @param pollInterval     how often idle workers look for queued jobs (submit also wakes them)
 * @param singleNode       true when no other replica shares the database: at start, every SOLVING job is re-queued at once
 * @param bestSaveInterval at most one best-solution write per job per interval (the final one is always written)
 */
@ConfigurationProperties("computeplan.jobs")
public record JobProperties(
        int workers,
        int queueCapacity,
        Duration defaultTimeLimit,
        Duration maxTimeLimit,
        Duration lease,
        Duration pollInterval,
        boolean singleNode,
        Duration bestSaveInterval) {

    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
