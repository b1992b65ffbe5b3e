package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.power.api.PowerLimits;
import dev.computeplan.procurement.api.ProcurementLimits;
import dev.computeplan.testing.MaxSizeBodies;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A job at the largest size a kind accepts, with a 5 s limit, reaches a terminal status within 7 s of its submit:
 * reading, solving, checking and saving all keep to the limit. The sizes are the configured limits.
 */
@Tag("slow")
@SpringBootTest(
        properties = {
            "computeplan.data-dir=target/job-time-limits",
            "computeplan.jobs.poll-interval=100ms",
            "spring.datasource.url=jdbc:h2:mem:job-time-limits;DB_CLOSE_DELAY=-1"
        })
class JobTimeLimitsSlowTest {

    private static final Set<JobStatus> TERMINAL = EnumSet.of(JobStatus.COMPLETED, JobStatus.STOPPED, JobStatus.FAILED);
    private static final Duration WALL = Duration.ofSeconds(7);

    @Autowired
    JobService jobs;

    @Test
    void powerAtItsLargestSizeEndsWithinTheLimitPlusTwoSeconds() throws Exception {
        PowerLimits limits = PowerLimits.defaults();
        int jobCount = limits.maxJobs();
        int steps = (int) Math.min(limits.maxSteps(), limits.maxJobSteps() / jobCount);
        // a warm-up at a small size, so that class loading and native libraries do not count
        run("power", MaxSizeBodies.power(20, 48, 2), 1);
        JobView done = run("power", MaxSizeBodies.power(jobCount, steps, 1), 5);
        assertThat(done.status()).isIn(JobStatus.COMPLETED);
    }

    @Test
    void procurementAtItsLargestSizeEndsWithinTheLimitPlusTwoSeconds() throws Exception {
        ProcurementLimits limits = ProcurementLimits.defaults();
        // 20 SKUs x 5 sites x 30 workloads is the model-size limit; every variant allowed
        assertThat(20L * 5 * 30).isEqualTo(limits.maxModelSize());
        run("procurement", MaxSizeBodies.procurement(4, 4, 1, 2, 0, 2), 1);
        JobView done = run("procurement", MaxSizeBodies.procurement(20, 12, 5, 30, limits.maxVariants(), 1), 5);
        assertThat(done.status()).isIn(JobStatus.COMPLETED);
    }

    private JobView run(String kind, ObjectNode body, int seconds) throws InterruptedException {
        body.putObject("termination").put("seconds", seconds);
        long start = System.nanoTime();
        JobView job = jobs.submit(kind, body);
        long submitted = System.nanoTime();
        JobView view = job;
        while (!TERMINAL.contains(view.status())) {
            assertThat(Duration.ofNanos(System.nanoTime() - submitted))
                    .as("%s job of %d s still %s", kind, seconds, view.status())
                    .isLessThan(Duration.ofSeconds(seconds + 30));
            Thread.sleep(50);
            view = jobs.get(kind, job.id());
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - submitted);
        System.out.printf(
                "%s: submit %.2f s, submit to %s %.2f s, solving %.1f s, score %s%n",
                kind,
                (submitted - start) / 1e9,
                view.status(),
                wall.toMillis() / 1000.0,
                view.progress().solvingSeconds(),
                view.score());
        if (seconds == 5) {
            assertThat(wall).as("%s wall time", kind).isLessThan(WALL);
        }
        return view;
    }
}
