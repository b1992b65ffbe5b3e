package dev.computeplan.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The job metrics: {@code computeplan.jobs} by status and {@code computeplan.solve.duration} by kind and outcome. */
final class JobMetrics {

    private final MeterRegistry meters;
    private final Map<JobStatus, AtomicLong> statusCounts = new EnumMap<>(JobStatus.class);

    JobMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (JobStatus s : JobStatus.values()) {
            AtomicLong count = new AtomicLong();
            statusCounts.put(s, count);
            Gauge.builder("computeplan.jobs", count, AtomicLong::get)
                    .tag("status", s.name())
                    .description("Solve jobs in the database by status")
                    .register(meters);
        }
    }

    void statusCounts(Map<JobStatus, Long> counts) {
        counts.forEach((s, n) -> statusCounts.get(s).set(n));
    }

    void solved(String kind, JobStatus outcome, Duration wallTime) {
        Timer.builder("computeplan.solve.duration")
                .tag("kind", kind)
                .tag("status", outcome.name())
                .description("Wall-clock time of finished solves")
                .register(meters)
                .record(wallTime);
    }
}
