package dev.computeplan.placement.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.domain.Gang;
import dev.computeplan.placement.domain.PlacementSolution;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gang-preemption example before solving: four nodes of 8 H100s in two racks, each running two 3-GPU notebooks
 * of priority 1; the pending gang "pretrain" needs two 8-GPU members in one rack at priority 100.
 */
class GangAdvisorTest {

    @Test
    void aGangShortOfGpusNamesTheShortfallAndTheFewestLowPriorityVictims() {
        GangAdvice advice = advise(Set.of());

        assertThat(advice.blockingRule()).isEqualTo("capacity");
        assertThat(advice.gpusNeeded()).isEqualTo(16.0);
        assertThat(advice.gpusFree()).isEqualTo(8.0);
        assertThat(advice.gpuShortfall()).isEqualTo(8.0);
        GangAdvice.Domain best = advice.domains().get(0);
        assertThat(best.domain()).isEqualTo("rack-0");
        assertThat(best.holders())
                .extracting(GangAdvice.Holder::workload)
                .containsExactly("notebook-0-0-0", "notebook-0-0-1", "notebook-0-1-0", "notebook-0-1-1");
        assertThat(best.moves()).isEmpty();
        assertThat(best.evictable()).isTrue();
        assertThat(best.sentence()).contains("are evicted");
        assertThat(advice.summary()).contains("8 short").doesNotContain("null");
    }

    @Test
    void freeGpusInPiecesTooSmallAreFragmentationAndAHolderThatFitsElsewhereMoves() {
        GangAdvice advice = advise(Set.of("notebook-1-1-0", "notebook-1-1-1", "notebook-1-0-1", "notebook-0-0-1"));

        // free: node-0-0 5, node-0-1 2, node-1-0 5, node-1-1 8 = 20 >= 16, but only node-1-1 holds an 8-GPU member
        assertThat(advice.blockingRule()).isEqualTo("fragmentation");
        GangAdvice.Domain best = advice.domains().get(0);
        assertThat(best.domain()).isEqualTo("rack-1");
        assertThat(best.membersThatFit()).isEqualTo(1);
        assertThat(best.moves()).containsExactly(new GangAdvice.Move("notebook-1-0-0", "node-1-0", "node-0-0"));
        assertThat(best.sentence())
                .isEqualTo("rack-1 fits the gang if notebook-1-0-0 moves (notebook-1-0-0 to node-0-0)");
    }

    @Test
    void roomSpreadOverTwoRacksIsATopologyBlock() {
        GangAdvice advice = advise(Set.of("notebook-0-0-0", "notebook-0-0-1", "notebook-1-1-0", "notebook-1-1-1"));

        assertThat(advice.blockingRule()).isEqualTo("topology");
        assertThat(advice.gpuShortfall()).isZero();
        GangAdvice.Domain best = advice.domains().get(0);
        assertThat(best.membersThatFit()).isEqualTo(1);
        assertThat(best.moves()).hasSize(2);
    }

    @Test
    void aPlacedGangNeedsNoAdvice() {
        PlacementSolution solution = solution(Set.of());
        Gang gang = solution.getGangs().get(0);
        solution.getWorkloads().stream()
                .filter(w -> w.getGang() == gang)
                .forEach(w -> w.setNode(solution.getNodes().get(0)));

        GangAdvice advice = GangAdvisor.advise(solution, gang);

        assertThat(advice.blockingRule()).isEqualTo("none");
        assertThat(advice.domains()).isEmpty();
        assertThat(advice.summary()).endsWith("is placed.");
    }

    private static GangAdvice advise(Set<String> removed) {
        PlacementSolution solution = solution(removed);
        return GangAdvisor.advise(solution, solution.getGangs().get(0));
    }

    private static PlacementSolution solution(Set<String> removed) {
        PlacementSolution solution = PlacementMapper.toDomain(
                PlacementExamples.load("placement-gang-preemption.json", root -> {
                    ArrayNode workloads = root.withArray("workloads");
                    for (Iterator<JsonNode> it = workloads.iterator(); it.hasNext(); ) {
                        if (removed.contains(it.next().path("id").asText())) {
                            it.remove();
                        }
                    }
                }),
                null);
        assertThat(solution.getWorkloads().stream().filter(w -> w.getGang() != null && w.isAssigned()))
                .as("the gang starts pending")
                .isEmpty();
        assertThat(List.of(solution.getGangs().get(0).id())).containsExactly("pretrain");
        return solution;
    }
}
