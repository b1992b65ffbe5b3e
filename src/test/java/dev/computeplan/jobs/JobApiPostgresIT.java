package dev.computeplan.jobs;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same job API suite against a real PostgreSQL (the {@code postgres} profile). */
@JobApiTest
@ActiveProfiles("postgres")
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
