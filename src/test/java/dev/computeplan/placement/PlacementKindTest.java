package dev.computeplan.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import dev.computeplan.common.SimpleSolveControl;
import dev.computeplan.placement.api.PlacementExamples;
import dev.computeplan.placement.api.PlacementMapper;
import dev.computeplan.placement.api.PlacementPlan;
import dev.computeplan.placement.api.PlacementRequest;
import dev.computeplan.placement.explain.PlacementChecker;
import dev.computeplan.placement.explain.PlacementExplanation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The placement kind end to end on the example scenarios, re-checked by the independent checker. The tests that
 * judge the quality of a plan need seconds of solving and are tagged slow; the default build stops the solve at
 * its first feasible best.
 */
class PlacementKindTest {

    private final PlacementKind kind = new PlacementKind();

    @Test
    void aSolveStoppedAtItsFirstFeasibleBestPassesTheCheckerAndExplainsTheFailedNode() {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        assertThat(kind.validate(req)).isEmpty();
        AtomicInteger bests = new AtomicInteger();
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(60));
        control.listener((s, score) -> {
            bests.incrementAndGet();
            if (HardMediumSoftLongScore.parseScore(score).hardScore() == 0) {
                control.requestStop();
            }
        });

        PlacementPlan plan = kind.solve(req, null, control).solution();

        assertThat(control.stopRequested()).isTrue();
        assertThat(bests.get()).isPositive();
        PlacementChecker.Report report = PlacementChecker.check(req, plan);
        assertThat(report.violations()).isEmpty();
        assertThat(plan.feasible()).isTrue();
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(plan.score());
        assertThat(-score.mediumScore()).isEqualTo(report.medium());
        assertThat(-score.softScore()).isEqualTo(report.soft());
        PlacementExplanation explanation = (PlacementExplanation) kind.explain(req, plan);
        assertThat(explanation.score()).isEqualTo(plan.score());
        assertThat(explanation.displaced())
                .extracting(PlacementExplanation.Displacement::workload)
                .contains("notebook-0", "notebook-1");
    }

    @Test
    void aPlanScoredFeasibleThatBreaksAHardRuleFailsTheSolve() {
        PlacementRequest req = twoWorkloadsOnOneSmallNode();
        PlacementPlan overfull = plan(true, "n1", "n1");

        assertThatThrownBy(() -> PlacementKind.verify(req, overfull))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed the independent check")
                .hasMessageContaining("node n1 over cpu capacity by 2");
    }

    @Test
    void anImportedPlanScoredFeasibleThatBreaksAHardRuleIsRefusedByTheCheck() {
        PlacementRequest req = twoWorkloadsOnOneSmallNode();
        assertThat(kind.check(req, plan(true, "n1", "n1")).violations())
                .anyMatch(v -> v.contains("node n1 over cpu capacity by 2"));
        assertThat(kind.check(req, plan(true, "n1", null)).violations()).isEmpty();
        assertThat(kind.check(req, plan(false, "n1", "n1")).violations()).isEmpty();
    }

    @Test
    void aPlanThatAdmitsItsViolationsOrKeepsTheRulesPassesTheCheck() {
        PlacementRequest req = twoWorkloadsOnOneSmallNode();
        assertThatCode(() -> PlacementKind.verify(req, plan(false, "n1", "n1"))).doesNotThrowAnyException();
        assertThatCode(() -> PlacementKind.verify(req, plan(true, "n1", null))).doesNotThrowAnyException();
    }

    @Test
    void aHardRuleWeightedZeroIsNotCheckedEither() {
        PlacementRequest base = twoWorkloadsOnOneSmallNode();
        PlacementRequest req = new PlacementRequest(
                base.resources(),
                base.nodes(),
                null,
                null,
                null,
                base.workloads(),
                null,
                null,
                null,
                null,
                Map.of("nodeCapacity", 0L),
                null);
        assertThat(kind.validate(req)).isEmpty();
        assertThatCode(() -> PlacementKind.verify(req, plan(true, "n1", "n1"))).doesNotThrowAnyException();
    }

    /** One node of 4 CPUs, two workloads of 3 CPUs each. */
    private static PlacementRequest twoWorkloadsOnOneSmallNode() {
        return new PlacementRequest(
                null,
                List.of(new PlacementRequest.NodeDto(
                        "n1", Map.of("cpu", 4L), null, "z", null, null, null, null, null, null)),
                null,
                null,
                null,
                List.of(workload("w1"), workload("w2")),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static PlacementRequest.WorkloadDto workload(String id) {
        return new PlacementRequest.WorkloadDto(
                id, Map.of("cpu", 3L), null, null, null, null, null, null, null, null, null, null, null);
    }

    private static PlacementPlan plan(boolean feasible, String w1At, String w2At) {
        int assigned = (w1At == null ? 0 : 1) + (w2At == null ? 0 : 1);
        return new PlacementPlan(
                feasible ? "0hard/0medium/0soft" : "-2hard/0medium/0soft",
                feasible,
                List.of(
                        new PlacementPlan.Assignment("w1", w1At, List.of(), null, false),
                        new PlacementPlan.Assignment("w2", w2At, List.of(), null, false)),
                new PlacementPlan.Summary(assigned, 2 - assigned, 0, 0, 0));
    }

    @Test
    @Tag("slow")
    void smallExampleIsValidSolvedFeasiblyAndAgreesWithTheChecker() {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        assertThat(kind.validate(req)).isEmpty();
        AtomicInteger bests = new AtomicInteger();
        SimpleSolveControl control =
                new SimpleSolveControl(Duration.ofSeconds(3)).listener((s, score) -> bests.incrementAndGet());

        PlacementPlan plan = kind.solve(req, null, control).solution();

        assertThat(bests.get()).isPositive();
        PlacementChecker.Report report = PlacementChecker.check(req, plan);
        assertThat(report.violations()).isEmpty();
        assertThat(plan.feasible()).isTrue();
        HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(plan.score());
        assertThat(-score.mediumScore()).isEqualTo(report.medium());
        assertThat(-score.softScore()).isEqualTo(report.soft());

        Map<String, PlacementPlan.Assignment> at = plan.assignments().stream()
                .collect(Collectors.toMap(PlacementPlan.Assignment::workload, Function.identity()));
        // Nothing may stay on the failed node.
        assertThat(at.get("notebook-0").node()).isNotEqualTo("v100-2");
        assertThat(at.get("notebook-1").node()).isNotEqualTo("v100-2");
        // Pending priority is lexicographic. The 16-GPU gang (priority 50) fits only on rack r1's two A100 nodes, which
        // would leave three GPU nodes for the three replicas of the priority-80 service (one per node, two zones):
        // a100-3, v100-1 and nothing else, so one replica would wait. One priority-80 replica pending outweighs the
        // whole gang: every replica is placed, and the gang, all or nothing, waits.
        List<String> infer = Stream.of("infer-0", "infer-1", "infer-2")
                .map(id -> at.get(id).node())
                .toList();
        assertThat(infer).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Stream.of("train-a-0", "train-a-1", "train-a-2", "train-a-3")
                        .map(id -> at.get(id).node()))
                .containsOnlyNulls();

        PlacementExplanation explanation = (PlacementExplanation) kind.explain(req, plan);
        assertThat(explanation.score()).isEqualTo(plan.score());
        assertThat(explanation.displaced())
                .extracting(PlacementExplanation.Displacement::workload)
                .contains("notebook-0", "notebook-1");
        assertThat(explanation.displaced().get(0).description()).contains("failed node v100-2");
    }

    @Test
    @Tag("slow")
    void aFailedRackIsEvacuatedWithItsGangKeptWholeOnOneRack() {
        PlacementRequest req = PlacementExamples.load("placement-rack-failure.json");
        assertThat(kind.validate(req)).isEmpty();
        PlacementPlan plan = kind.solve(req, null, new SimpleSolveControl(Duration.ofSeconds(3)))
                .solution();

        PlacementChecker.Report report = PlacementChecker.check(req, plan);
        assertThat(report.violations()).isEmpty();
        assertThat(plan.feasible()).isTrue();
        Map<String, String> rackOf = req.nodes().stream()
                .collect(Collectors.toMap(PlacementRequest.NodeDto::id, PlacementRequest.NodeDto::rack));
        var gang = plan.assignments().stream()
                .filter(a -> a.workload().startsWith("llm-train-"))
                .toList();
        assertThat(gang).hasSize(4).allMatch(a -> a.node() != null);
        assertThat(gang.stream().map(a -> rackOf.get(a.node())).distinct().toList())
                .hasSize(1)
                .doesNotContain("rack-2");
        PlacementExplanation explanation = (PlacementExplanation) kind.explain(req, plan);
        assertThat(explanation.displaced())
                .extracting(PlacementExplanation.Displacement::workload)
                .contains("llm-train-0", "llm-train-3");
        // Workloads on healthy nodes move only when the move pays for its migration cost: putting any one of them
        // back where it runs would not give a better score.
        var solution = PlacementMapper.toDomain(req, plan);
        var manager = dev.computeplan.placement.solver.PlacementSolver.solutionManager();
        var score = manager.update(solution);
        long movedFromHealthy = 0;
        for (var w : solution.getWorkloads()) {
            if (w.isMoved()
                    && !rackOf.get(w.getCurrentNode().getId()).equals("rack-2")
                    && !w.getCurrentNode().getId().equals("node-0-1")) {
                movedFromHealthy++;
                var moved = w.getNode();
                w.setNode(w.getCurrentNode());
                assertThat(manager.update(solution))
                        .as("%s put back", w.getId())
                        .isLessThanOrEqualTo(score);
                w.setNode(moved);
            }
        }
        assertThat(movedFromHealthy).as("healthy workloads moved").isLessThan(gang.size() + 4);
    }

    @Test
    @Tag("slow")
    void aGangThatFitsNowhereEvictsTheLowPriorityNotebooksOfOneRack() {
        PlacementRequest req = PlacementExamples.load("placement-gang-preemption.json");
        assertThat(kind.validate(req)).isEmpty();
        PlacementPlan plan = kind.solve(req, null, new SimpleSolveControl(Duration.ofSeconds(3)))
                .solution();

        assertThat(PlacementChecker.check(req, plan).violations()).isEmpty();
        Map<String, String> rackOf = req.nodes().stream()
                .collect(Collectors.toMap(PlacementRequest.NodeDto::id, PlacementRequest.NodeDto::rack));
        var gang = plan.assignments().stream()
                .filter(a -> a.workload().startsWith("pretrain-"))
                .toList();
        assertThat(gang).hasSize(2).allMatch(a -> a.node() != null);
        String rack = rackOf.get(gang.get(0).node());
        assertThat(rackOf.get(gang.get(1).node())).isEqualTo(rack);
        // Every node ran two 3-GPU notebooks; the two 8-GPU workers need both nodes of one rack, and the
        // notebooks from there fit nowhere else (2 GPUs free per node): those four, and only those, wait.
        var pending = plan.assignments().stream()
                .filter(a -> a.node() == null)
                .map(PlacementPlan.Assignment::workload)
                .toList();
        assertThat(pending).hasSize(4).allMatch(id -> id.startsWith("notebook-" + rack.substring("rack-".length())));
        PlacementExplanation explanation = (PlacementExplanation) kind.explain(req, plan);
        assertThat(explanation.preempted())
                .extracting(PlacementExplanation.Preemption::workload)
                .containsExactlyInAnyOrderElementsOf(pending);
        assertThat(explanation.preempted()).allSatisfy(p -> {
            assertThat(p.arrivals()).hasSize(1).allMatch(a -> a.startsWith("pretrain-"));
            assertThat(p.description()).contains("now runs pretrain-").contains("(priority 100)");
        });
    }

    @Test
    @Tag("slow")
    void runningWorkloadsStayWhenNothingForcesAMove() {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        PlacementPlan first = kind.solve(req, null, new SimpleSolveControl(Duration.ofSeconds(2)))
                .solution();
        // Re-plan with every placed workload running where the first plan put it, plus nothing new.
        var running = req.workloads().stream()
                .map(w -> {
                    String node = first.assignments().stream()
                            .filter(a -> a.workload().equals(w.id()))
                            .findFirst()
                            .orElseThrow()
                            .node();
                    return new PlacementRequest.WorkloadDto(
                            w.id(),
                            w.requirements(),
                            w.gpus(),
                            w.gpuMilli(),
                            w.allowedGpuTypes(),
                            w.preferredGpuTypes(),
                            w.priority(),
                            w.service(),
                            w.gang(),
                            node,
                            1000L,
                            w.powerWatts(),
                            false);
                })
                .toList();
        PlacementRequest again = new PlacementRequest(
                req.resources(),
                req.nodes(),
                req.racks(),
                req.services(),
                req.gangs(),
                running,
                req.balanceObjectives(),
                req.fragmentationProbes(),
                req.spareReserves(),
                req.moveCosts(),
                req.weights(),
                null);
        PlacementPlan second = kind.solve(again, null, new SimpleSolveControl(Duration.ofSeconds(2)))
                .solution();
        assertThat(second.summary().moved()).isZero();
        assertThat(second.feasible()).isTrue();
    }

    @Test
    void stopRequestEndsTheSolveEarly() {
        PlacementRequest req = PlacementExamples.load("placement-small.json");
        SimpleSolveControl control = new SimpleSolveControl(Duration.ofSeconds(30));
        control.requestStop();
        long start = System.nanoTime();
        PlacementPlan plan = kind.solve(req, null, control).solution();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(plan.assignments()).hasSize(req.workloads().size());
    }
}
