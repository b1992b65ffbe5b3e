package dev.computeplan.jobs;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same job API suite against a real PostgreSQL (the {@code postgres} profile). Without
 * {@code COMPUTEPLAN_TEST_PG_URL} the class is reported as skipped; {@link PostgresUnderCiTest} fails CI then.
 */
@JobApiTest
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(
        named = PostgresTestDatabase.URL_VARIABLE,
        matches = ".+",
        disabledReason =
                "PostgreSQL not tested: COMPUTEPLAN_TEST_PG_URL is not set (see README, Running the PostgreSQL tests)")
class JobApiPostgresIT extends JobApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = PostgresTestDatabase.freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresTestDatabase::user);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
        registry.add("computeplan.security.allow-open", () -> "true");
    }
}
