package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Under CI the PostgreSQL suite must run: a missing database fails the build instead of skipping that suite. */
class PostgresUnderCiTest {

    @Test
    @EnabledIfEnvironmentVariable(named = "CI", matches = "(?i)true|1|yes")
    void ciProvidesAPostgresDatabase() {
        assertThat(System.getenv(PostgresTestDatabase.URL_VARIABLE))
                .as("CI=true but %s is not set: .ci/run must start PostgreSQL", PostgresTestDatabase.URL_VARIABLE)
                .isNotBlank();
    }
}
