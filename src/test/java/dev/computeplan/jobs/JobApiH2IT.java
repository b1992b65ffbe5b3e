package dev.computeplan.jobs;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The job API against the embedded H2 file database. */
@JobApiTest
class JobApiH2IT extends JobApiContract {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("computeplan.data-dir", () -> dataDir.toString());
    }
}
