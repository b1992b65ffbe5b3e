package dev.computeplan.jobs;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test-only countdown kind in the application contexts of integration tests. */
@TestConfiguration
public class TestKindConfig {
    @Bean
    CountdownKind countdownKind() {
        return new CountdownKind();
    }
}
