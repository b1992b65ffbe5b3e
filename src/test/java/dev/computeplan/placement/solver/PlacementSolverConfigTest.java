package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.search.AnnealingPhase;
import dev.computeplan.placement.search.AnnealingShared;
import dev.computeplan.placement.search.ExchangePhase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The phase list of a solve: equal local searches, and a meeting of the parallel runs between each two. */
class PlacementSolverConfigTest {

    private static SolverConfig annealing(Duration limit, int searches, List<ExchangePhase.Exchange> meetings) {
        return PlacementSolverConfig.create(SolverOptions.builder(limit)
                .seed(1L)
                .ruinRecreate(false)
                .search(PlacementSolverConfig.Search.SIMULATED_ANNEALING)
                .annealing(new AnnealingShared(1_000L, AnnealingPhase.SIMILAR_SHARE))
                .searches(searches)
                .meetings(meetings)
                .build());
    }

    private static List<Object> commands(SolverConfig config) {
        return config.getPhaseConfigList().stream()
                .map(p -> p instanceof CustomPhaseConfig c
                        ? (Object) c.getCustomPhaseCommandList().get(0)
                        : p)
                .toList();
    }

    @Test
    void threeSearchesOfAThirdEachWithAMeetingBeforeTheSecondAndTheThird() {
        Duration limit = Duration.ofMillis(1_000);
        List<ExchangePhase.Exchange> meetings =
                List.of(new ExchangePhase.Exchange(2, limit), new ExchangePhase.Exchange(2, limit));
        SolverConfig config = annealing(limit, 3, meetings);
        List<Object> phases = commands(config);
        assertThat(phases).hasSize(10);
        assertThat(phases.stream().filter(AnnealingPhase.class::isInstance)).hasSize(3);
        assertThat(phases.stream().filter(ExchangePhase.class::isInstance)).hasSize(2);
        assertThat(phases.get(4)).isInstanceOf(ExchangePhase.class);
        assertThat(phases.get(7)).isInstanceOf(ExchangePhase.class);
        List<PhaseConfig> list = config.getPhaseConfigList();
        // whole milliseconds: Timefold refuses a spent limit with nanoseconds (1,000 ms / 3)
        assertThat(list.get(3).getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(333));
        assertThat(list.get(6).getTerminationConfig().getSpentLimit()).isEqualTo(Duration.ofMillis(333));
        assertThat(list.get(9).getTerminationConfig())
                .as("the last search runs to the solve's limit")
                .isNull();
        assertThat(SolverFactory.<PlacementSolution>create(config).buildSolver())
                .isNotNull();
    }

    @Test
    void twoSearchesWithoutMeetingsAsTheApiSolves() {
        List<Object> phases = commands(annealing(Duration.ofSeconds(1), 2, List.of()));
        assertThat(phases).hasSize(6);
        assertThat(phases.stream().filter(ExchangePhase.class::isInstance)).isEmpty();
    }

    @Test
    void refusesFewerThanTwoSearchesOrAMeetingCountThatDoesNotFit() {
        ExchangePhase.Exchange one = new ExchangePhase.Exchange(2, Duration.ofSeconds(1));
        assertThatThrownBy(() -> annealing(Duration.ofSeconds(1), 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> annealing(Duration.ofSeconds(1), 3, List.of(one)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
