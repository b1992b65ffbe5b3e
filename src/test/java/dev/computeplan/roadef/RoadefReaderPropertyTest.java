package dev.computeplan.roadef;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

/** Damaged files never crash the reader with anything but a RoadefFormatException (or parse into a checked instance). */
class RoadefReaderPropertyTest {

    private static final String MODEL = RoadefTestData.TINY_MODEL;

    @Property(tries = 300)
    void truncatedModelIsRejectedCleanly(@ForAll @IntRange(min = 0, max = 200) int cut) {
        String truncated = MODEL.substring(0, Math.min(cut, MODEL.length()));
        assertCleanOutcome(truncated, RoadefTestData.TINY_ASSIGNMENT);
    }

    @Property(tries = 500)
    void modelWithOneCharacterReplacedIsRejectedOrValid(
            @ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll @CharRange(from = ' ', to = '~') char replacement) {
        int at = Math.min(position, MODEL.length() - 1);
        String damaged = MODEL.substring(0, at) + replacement + MODEL.substring(at + 1);
        assertCleanOutcome(damaged, RoadefTestData.TINY_ASSIGNMENT);
    }

    @Property(tries = 200)
    void assignmentWithOneCharacterReplacedIsRejectedOrValid(
            @ForAll @IntRange(min = 0, max = 9) int position,
            @ForAll @CharRange(from = ' ', to = '~') char replacement) {
        String assignment = RoadefTestData.TINY_ASSIGNMENT;
        String damaged = assignment.substring(0, position) + replacement + assignment.substring(position + 1);
        assertCleanOutcome(MODEL, damaged);
    }

    private static void assertCleanOutcome(String model, String assignment) {
        try {
            RoadefInstance in = RoadefReader.parse(model, assignment);
            // whatever parsed is internally consistent: every index the scorer uses is in range
            RoadefScore score = RoadefScorer.score(in, in.initialAssignment());
            assertThat(score.total()).isNotNegative();
        } catch (RoadefFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
