package dev.computeplan.placement.api.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.jobs.CallerScope;
import dev.computeplan.jobs.JobScope;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.solver.online.OnlinePolicy;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the clusters kept for online decisions; like jobs, only where the service runs with its database. */
@Configuration
@ConditionalOnProperty(name = "computeplan.jobs.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfig {

    @Bean
    ClusterStore clusterStore(DataSource dataSource, PlatformTransactionManager txManager) {
        return new ClusterStore(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    ClusterService clusterService(
            ClusterStore store,
            ObjectMapper mapper,
            ProblemReader reader,
            ProblemKind<PlacementRequest, PlacementPlan> kind,
            ObjectProvider<CallerScope> scope,
            Clock clock,
            ClusterProperties props) {
        return new ClusterService(
                store,
                mapper,
                reader,
                kind::checkSize,
                scope.getIfAvailable(() -> JobScope::open),
                clock,
                props.snapshotEvery(),
                new OnlinePolicy());
    }
}
