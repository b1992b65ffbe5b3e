package dev.computeplan.placement.solver;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.api.PlacementValidator;
import dev.computeplan.placement.domain.PlacementSolution;
import dev.computeplan.placement.explain.PlacementChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole solver (gang phase, construction, both local searches with change, swap and ruin-and-recreate)
 * in FULL_ASSERT mode: after every move Timefold recomputes the score from scratch and fails on any difference
 * from the incremental score. The instance has every feature on: transient memory, load cost, balance (also on the
 * undeclared {@code gpu} resource), sparse node-to-node move costs, services with anti-affinity, spread and
 * dependencies, gangs, fractional GPUs, failed and cordoned nodes, rack caps, a spare reserve and fragmentation probes.
 */
class PlacementFullAssertTest {

    /** Steps per local search phase: enough for every move kind to be tried many times. */
    private static final long STEPS = 300;

    @Test
    @Tag("slow")
    void incrementalScoreEqualsFromScratchScoreUnderFullAssert() {
        PlacementRequest req = allFeatures();
        assertThat(PlacementValidator.validate(req)).isEmpty();

        PlacementSolution best = new PlacementSolver(PlacementSolverSettings.defaults())
                .solve(
                        PlacementMapper.toDomain(req, null),
                        SolverOptions.builder(Duration.ofMinutes(5))
                                .mode(EnvironmentMode.FULL_ASSERT)
                                .stepLimit(STEPS)
                                .build(),
                        stop -> {},
                        newBest -> {});

        // Independent recalculation of the returned plan: the checker's medium and soft equal the score's.
        PlacementPlan plan = PlacementMapper.toPlan(best);
        PlacementChecker.Report report = PlacementChecker.check(req, plan);
        HardMediumSoftLongScore score = best.getScore();
        assertThat(report.feasible()).isEqualTo(score.hardScore() == 0);
        assertThat(-score.mediumScore()).isEqualTo(report.medium());
        assertThat(-score.softScore()).isEqualTo(report.soft());
    }

    /** The small example with every rule switched on. */
    static PlacementRequest allFeatures() {
        PlacementRequest base = PlacementExamples.smallKubernetes();
        List<PlacementRequest.MoveCostDto> moveCosts = new ArrayList<>();
        for (PlacementRequest.NodeDto from : base.nodes()) {
            for (PlacementRequest.NodeDto to : base.nodes()) {
                if (!from.id().equals(to.id())) {
                    moveCosts.add(new PlacementRequest.MoveCostDto(from.id(), to.id(), (long)
                            (from.id().length() + to.zone().length())));
                }
            }
        }
        PlacementRequest req = new PlacementRequest(
                List.of(
                        new PlacementRequest.ResourceDto("cpu", false, 2L),
                        new PlacementRequest.ResourceDto("memory", true, 1L)),
                base.nodes().stream()
                        .map(n -> new PlacementRequest.NodeDto(
                                n.id(),
                                n.capacity(),
                                java.util.Map.of(
                                        "cpu",
                                        n.capacity().get("cpu") / 2,
                                        "memory",
                                        n.capacity().get("memory") / 2),
                                n.zone(),
                                n.networkDomain(),
                                n.rack(),
                                n.gpus(),
                                n.gpuType(),
                                n.state(),
                                n.idlePowerWatts(),
                                null,
                                n.labels()))
                        .toList(),
                base.racks(),
                base.services(),
                base.gangs(),
                base.workloads(),
                List.of(
                        new PlacementRequest.BalanceDto("mem-per-cpu", "cpu", "memory", 4L, 3L),
                        new PlacementRequest.BalanceDto("cpu-per-gpu", "gpu", "cpu", 10L, 1L)),
                base.fragmentationProbes(),
                base.spareReserves(),
                moveCosts,
                java.util.Map.of("serviceMove", 7L, "powerDraw", 1L),
                base.disruptionBudgets());
        return req;
    }
}
