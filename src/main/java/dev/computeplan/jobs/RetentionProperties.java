package dev.computeplan.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long finished jobs are kept ({@code computeplan.jobs.retention.*}). Queued and solving jobs are never removed.
 *
 * @param maxAge       finished jobs older than this (by their finish time) are deleted; zero keeps them by age
 * @param maxPerTenant finished jobs kept per tenant, the newest; 0 keeps them all
 * @param interval     how often a sweep runs; zero runs none
 */
@ConfigurationProperties("computeplan.jobs.retention")
public record RetentionProperties(
        @DefaultValue("30d") Duration maxAge,
        @DefaultValue("1000") int maxPerTenant,
        @DefaultValue("10m") Duration interval) {}
