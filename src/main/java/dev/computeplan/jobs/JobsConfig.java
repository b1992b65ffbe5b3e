package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the job machinery. The CLI runs with {@code computeplan.jobs.enabled=false}: no database, no workers. */
@Configuration
@EnableConfigurationProperties({JobProperties.class, RetentionProperties.class})
public class JobsConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemReader problemReader(ObjectMapper mapper, Validator validator, JobProperties props) {
        return new ProblemReader(mapper, validator, props.defaultTimeLimit(), props.maxTimeLimit());
    }

    @Configuration
    @ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Runtime {

        @Bean
        JobStore jobStore(DataSource dataSource, PlatformTransactionManager txManager) {
            return new JobStore(dataSource, new TransactionTemplate(txManager));
        }

        @Bean
        JobRunner jobRunner(
                JobStore store,
                KindRegistry kinds,
                ObjectMapper mapper,
                Clock clock,
                JobProperties props,
                MeterRegistry meters) {
            return new JobRunner(store, kinds, mapper, clock, props, meters);
        }

        /** {@code /actuator/info} names the replica as the jobs table does, to tell replicas apart. */
        @Bean
        InfoContributor replicaInfo(JobRunner runner) {
            return builder -> builder.withDetail("replica", runner.owner());
        }

        @Bean
        JobRetention jobRetention(
                DataSource dataSource,
                PlatformTransactionManager txManager,
                Clock clock,
                RetentionProperties retention) {
            return new JobRetention(dataSource, new TransactionTemplate(txManager), clock, retention);
        }

        @Bean
        JobEvents jobEvents(JobStore store, JobProperties props) {
            return new JobEvents(store, Math.max(50, props.pollInterval().toMillis() / 2));
        }

        @Bean
        JobArchives jobArchives(JobService jobs, JobStore store, KindRegistry kinds, ObjectMapper mapper, Clock clock) {
            return new JobArchives(jobs, store, kinds, mapper, clock);
        }

        @Bean
        JobService jobService(
                JobStore store,
                JobRunner runner,
                KindRegistry kinds,
                ProblemReader reader,
                ObjectMapper mapper,
                Clock clock,
                JobProperties props,
                ObjectProvider<CallerScope> scope) {
            return new JobService(
                    store, runner, kinds, reader, mapper, clock, props, scope.getIfAvailable(() -> JobScope::open));
        }
    }
}
