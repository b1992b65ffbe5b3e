package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RoadefLocalSearchTest {

    @Test
    @Tag("slow") // the ROADEF solvers stop on the clock only
    void improvesA1_1FeasiblyWithinOneSecond() {
        RoadefInstance in = RoadefTestData.load("a1_1");
        int[] solution = new RoadefLocalSearch(Clock.systemUTC(), 2, 500).solve(in, Duration.ofSeconds(1), 3);
        RoadefScore score = RoadefScorer.score(in, solution);
        assertThat(score.violations()).isEmpty();
        // initial 49,528,750; best known 44,306,501
        assertThat(score.total()).isLessThan(46_000_000L).isGreaterThanOrEqualTo(44_306_501L);
    }

    @Test
    @Tag("slow") // the ROADEF solvers stop on the clock only
    void findsTheTinyOptimumWithoutBreakingConstraints() {
        RoadefInstance in = RoadefTestData.tiny();
        int[] solution = new RoadefLocalSearch(Clock.systemUTC(), 1, 10).solve(in, Duration.ofMillis(200), 1);
        RoadefScore score = RoadefScorer.score(in, solution);
        assertThat(score.feasible()).isTrue();
        // every move costs at least 3 + 100 + 1000 more than it can save (balance 70 at most), so stay put
        assertThat(score.total()).isEqualTo(70);
    }
}
