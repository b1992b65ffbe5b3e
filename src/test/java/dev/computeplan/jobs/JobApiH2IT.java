package dev.computeplan.jobs;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The job API against the embedded H2 file database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "computeplan.jobs.workers=2",
        "computeplan.jobs.queue-capacity=3",
        "computeplan.jobs.poll-interval=100ms",
        "computeplan.jobs.best-save-interval=20ms",
        "computeplan.jobs.lease=3s",
        "computeplan.api.max-body-bytes=20000"})
@Import(TestKindConfig.class)
class JobApiH2IT extends JobApiContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("computeplan.data-dir", () -> dataDir.toString());
    }
}
