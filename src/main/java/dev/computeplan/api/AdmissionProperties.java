package dev.computeplan.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many large request bodies are read, parsed, bound and validated at once ({@code computeplan.api.*}): each can
 * take hundreds of megabytes while it is handled, so without a bound a burst of them exhausts the heap.
 *
 * @param largeRequestBytes          a body above this size (or of unknown size once it passes it) is large
 * @param maxConcurrentLargeRequests large bodies handled at once
 * @param largeRequestWait           how long a large request waits for its turn before it is answered 503
 * @param busyRetryAfter             the Retry-After of that 503
 */
@ConfigurationProperties("computeplan.api")
public record AdmissionProperties(
        @DefaultValue("1000000") long largeRequestBytes,
        @DefaultValue("1") int maxConcurrentLargeRequests,
        @DefaultValue("2s") Duration largeRequestWait,
        @DefaultValue("5s") Duration busyRetryAfter) {}
