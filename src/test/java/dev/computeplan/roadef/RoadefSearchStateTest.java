package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The incremental state must agree with the exact scorer after every accepted move and never become infeasible. */
class RoadefSearchStateTest {

    @Test
    void incrementalCostMatchesExactScorerAlongRandomMoves() {
        for (String name : new String[] {"a1_1", "a2_2", "a1_4"}) {
            RoadefInstance in = RoadefTestData.load(name);
            RoadefSearchState state = new RoadefSearchState(in, in.initialAssignment());
            assertThat(state.cost()).isEqualTo(RoadefTestData.originalCost(name));
            SplittableRandom random = new SplittableRandom(7);
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                int p = random.nextInt(in.processCount());
                boolean moved = random.nextBoolean()
                        ? state.tryShift(p, random.nextInt(in.machineCount()))
                        : state.trySwap(p, random.nextInt(in.processCount()));
                if (moved) {
                    accepted++;
                }
                if (i % 997 == 0) {
                    RoadefScore exact = RoadefScorer.score(in, state.assignment());
                    assertThat(exact.violations()).as(name + " step " + i).isEmpty();
                    assertThat(state.cost()).as(name + " step " + i).isEqualTo(exact.total());
                }
            }
            RoadefScore exact = RoadefScorer.score(in, state.assignment());
            assertThat(exact.feasible()).isTrue();
            assertThat(state.cost()).isEqualTo(exact.total());
            assertThat(accepted).as(name + " accepted moves").isGreaterThan(100);
        }
    }

    @Test
    void acceptsExactlyTheMovesTheExactScorerFindsFeasible() {
        RoadefInstance in = RoadefTestData.load("a2_2");
        RoadefSearchState state = new RoadefSearchState(in, in.initialAssignment());
        SplittableRandom random = new SplittableRandom(3);
        int checked = 0;
        for (int i = 0; i < 1_000; i++) {
            int[] before = state.assignment();
            int[] after = before.clone();
            int p = random.nextInt(in.processCount());
            boolean moved;
            if (random.nextBoolean()) {
                int to = random.nextInt(in.machineCount());
                after[p] = to;
                moved = state.tryShift(p, to);
            } else {
                int q = random.nextInt(in.processCount());
                after[p] = before[q];
                after[q] = before[p];
                moved = state.trySwap(p, q);
            }
            boolean changes = !java.util.Arrays.equals(before, after);
            boolean feasible = RoadefScorer.score(in, after).feasible();
            assertThat(moved).as("move " + i).isEqualTo(changes && feasible);
            assertThat(state.assignment()).isEqualTo(moved ? after : before);
            if (moved) {
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void rejectsEachHardConstraintOnTheTinyInstance() {
        RoadefInstance in = RoadefTestData.tiny();
        RoadefSearchState state = new RoadefSearchState(in, in.initialAssignment());
        assertThat(state.tryShift(3, 0))
                .as("capacity: m0 would hold 11 of resource 0")
                .isFalse();
        assertThat(state.tryShift(4, 2))
                .as("conflict: p3 of the same service is on m2")
                .isFalse();
        assertThat(state.tryShift(0, 2))
                .as("spread: s0 would be in location 1 only")
                .isFalse();
        assertThat(state.tryShift(2, 2))
                .as("dependency: s0 has no process in neighborhood 1")
                .isFalse();
        assertThat(state.assignment()).containsExactly(0, 1, 0, 2, 1);
        assertThat(state.cost()).isEqualTo(70);
        // moved case from RoadefScorerTest: p2 m0 -> m1 costs 1209
        assertThat(state.tryShift(2, 1)).isTrue();
        assertThat(state.cost()).isEqualTo(1209);
    }

    @Test
    void transientHoldBlocksRefillingAVacatedMachine() {
        RoadefInstance in = RoadefTestData.tiny();
        // p1 m1 -> m2, p2 m0 -> m1, p4 m1 -> m0 are feasible; p3 m2 -> m1 would leave 8 used + 4 held by p1, p4 > 10
        RoadefSearchState state = new RoadefSearchState(in, new int[] {0, 2, 1, 2, 0});
        assertThat(RoadefScorer.score(in, state.assignment()).feasible()).isTrue();
        assertThat(state.tryShift(3, 1)).isFalse();
        // same rule via a swap: p3 (m2) <-> p2 (m1) would leave p1 + p2 = 5 of r1 on m2 plus 6 still held by p3 > 10
        assertThat(state.trySwap(3, 2)).isFalse();
        assertThat(state.cost())
                .isEqualTo(RoadefScorer.score(in, state.assignment()).total());
    }
}
