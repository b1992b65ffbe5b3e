package dev.computeplan.jobs;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same job API suite against a real PostgreSQL (the {@code postgres} profile). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "computeplan.jobs.workers=2",
        "computeplan.jobs.queue-capacity=3",
        "computeplan.jobs.poll-interval=100ms",
        "computeplan.jobs.best-save-interval=20ms",
        "computeplan.jobs.lease=3s",
        "computeplan.api.max-body-bytes=20000"})
@ActiveProfiles("postgres")
@Import(TestKindConfig.class)
class JobApiPostgresIT extends JobApiContract {

    @org.junit.jupiter.api.BeforeAll
    static void requirePostgres() {
        PostgresTestDatabase.url();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresTestDatabase.freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
    }
}
