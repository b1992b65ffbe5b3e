package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.roadef.RoadefViolation.Constraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoadefScorerTest {

    static String[] setA() {
        return RoadefTestData.SET_A;
    }

    @ParameterizedTest
    @MethodSource("setA")
    void initialAssignmentScoresExactlyTheOriginalCost(String name) {
        RoadefInstance in = RoadefTestData.load(name);
        RoadefScore score = RoadefScorer.score(in, in.initialAssignment());
        assertThat(score.violations()).isEmpty();
        assertThat(score.total()).isEqualTo(RoadefTestData.originalCost(name));
        assertThat(score.processMoveCost() + score.serviceMoveCost() + score.machineMoveCost())
                .isZero();
    }

    @Test
    void tinyInitialAssignmentCostsOnlyBalance() {
        // usage m0 = 7/4, m1 = 4/4, m2 = 4/6, all within safety 8: load 0.
        // balance = 5 * (max(0, 2*3 - 6) + max(0, 2*6 - 6) + max(0, 2*6 - 4)) = 5 * (0 + 6 + 8) = 70
        RoadefScore score = RoadefScorer.score(RoadefTestData.tiny(), new int[] {0, 1, 0, 2, 1});
        assertThat(score.feasible()).isTrue();
        assertThat(score.loadCost()).isZero();
        assertThat(score.balanceCost()).isEqualTo(70);
        assertThat(score.total()).isEqualTo(70);
    }

    @Test
    void oneMovedProcessPaysEachMoveCostOnce() {
        // p2 (s1, 2/2) m0 -> m1, same neighborhood 0 so s0 is still there: m0 = 5/2 (transient: 2 + 2 <= 10),
        // m1 = 6/6, m2 = 4/6, all within safety 8: load 0.
        // balance = 5 * (max(0, 2*5 - 8) + max(0, 2*4 - 4) + max(0, 2*6 - 4)) = 5 * (2 + 4 + 8) = 70
        // process move = 3 * 13 = 39; service move = 100 * 1 = 100; machine move = 1000 * moveCost(0,1)=1 -> 1000
        RoadefScore score = RoadefScorer.score(RoadefTestData.tiny(), new int[] {0, 1, 1, 2, 1});
        assertThat(score.violations()).isEmpty();
        assertThat(score.loadCost()).isZero();
        assertThat(score.balanceCost()).isEqualTo(70);
        assertThat(score.processMoveCost()).isEqualTo(39);
        assertThat(score.serviceMoveCost()).isEqualTo(100);
        assertThat(score.machineMoveCost()).isEqualTo(1000);
        assertThat(score.total()).isEqualTo(1209);
    }

    @Test
    void twoMovedProcessesOfOneServiceCountTwiceInTheServiceMoveCost() {
        // p3 m2 -> m1 and p4 m1 -> m0: m0 = 8/5, m1 = 7/9 (transient: 9 + 1 moved away = 10 <= 10), m2 = 0/0.
        // load = 1 * (9 - 8) = 1; balance = 5 * (max(0, 4 - 5) + max(0, 6 - 1) + max(0, 20 - 10)) = 5 * 15 = 75
        // process move = 3 * (17 + 19) = 108; service move = 100 * 2 (s2) = 200;
        // machine move = 1000 * (moveCost(2,1)=3 + moveCost(1,0)=1) = 4000; total 4384
        RoadefScore score = RoadefScorer.score(RoadefTestData.tiny(), new int[] {0, 1, 0, 1, 0});
        assertThat(score.violations()).isEmpty();
        assertThat(score.loadCost()).isEqualTo(1);
        assertThat(score.balanceCost()).isEqualTo(75);
        assertThat(score.processMoveCost()).isEqualTo(108);
        assertThat(score.serviceMoveCost()).isEqualTo(200);
        assertThat(score.machineMoveCost()).isEqualTo(4000);
        assertThat(score.total()).isEqualTo(4384);
    }

    @Test
    void capacityViolationNamesMachineAndResource() {
        // p3 -> m0: m0 = 11/10, resource 0 over its capacity 10
        assertOnly(
                new int[] {0, 1, 0, 0, 1}, Constraint.CAPACITY, "machine 0 resource 0: usage 11 exceeds capacity 10");
    }

    @Test
    void transientViolationCountsProcessesMovedAway() {
        // p1 m1 -> m2, p2 m0 -> m1, p3 m2 -> m1, p4 m1 -> m0: m1 = 6/8, but p1 (3) and p4 (1) still hold r1 on m1: 12 >
        // 10
        assertOnly(new int[] {0, 2, 1, 1, 0}, Constraint.TRANSIENT, "machine 1 transient resource 1: usage 8 plus 4");
    }

    @Test
    void conflictViolationNamesServiceAndMachine() {
        // p4 -> m2 joins p3 of the same service s2
        assertOnly(
                new int[] {0, 1, 0, 2, 2}, Constraint.CONFLICT, "service 2: processes 3 and 4 are both on machine 2");
    }

    @Test
    void spreadViolationNamesService() {
        // p0 -> m2: both processes of s0 in location 1
        assertOnly(new int[] {2, 1, 0, 2, 1}, Constraint.SPREAD, "service 0 runs in 1 location(s), needs at least 2");
    }

    @Test
    void dependencyViolationNamesBothServices() {
        // p2 (s1) -> m2 in neighborhood 1, where s0 has no process
        assertOnly(
                new int[] {0, 1, 2, 2, 1},
                Constraint.DEPENDENCY,
                "service 1 runs in neighborhood 1 but service 0, which it depends on, does not");
    }

    @Test
    void malformedSolutionIsInfeasible() {
        RoadefScore score = RoadefScorer.score(RoadefTestData.tiny(), new int[] {0, 1, 5, 2, 1});
        assertThat(score.feasible()).isFalse();
        assertThat(score.violations())
                .singleElement()
                .extracting(RoadefViolation::constraint)
                .isEqualTo(Constraint.ASSIGNMENT);
        assertThat(RoadefScorer.score(RoadefTestData.tiny(), new int[] {0, 1}).feasible())
                .isFalse();
    }

    private static void assertOnly(int[] solution, Constraint constraint, String messagePart) {
        RoadefScore score = RoadefScorer.score(RoadefTestData.tiny(), solution);
        assertThat(score.feasible()).isFalse();
        assertThat(score.violations()).singleElement().satisfies(v -> {
            assertThat(v.constraint()).isEqualTo(constraint);
            assertThat(v.message()).contains(messagePart);
        });
    }
}
