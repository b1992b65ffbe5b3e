package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import jakarta.validation.Validation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemReaderTest {

    private final ProblemReader reader = new ProblemReader(
            new ObjectMapper(),
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(30),
            Duration.ofMinutes(10));
    private final CountdownKind kind = new CountdownKind();

    private InvalidInputException failure(String json) {
        try {
            reader.read(kind, reader.parseTree(json));
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void readsTheProblemAndTheTermination() {
        ParsedRequest<CountdownKind.Problem> r = reader.read(
                kind,
                reader.parseTree(
                        "{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"termination\": {\"seconds\": 7}}"));
        assertThat(r.problem().target()).isEqualTo(4);
        assertThat(r.timeLimit()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.problemJson()).doesNotContain("termination");
    }

    @Test
    void withoutTerminationTheDefaultLimitApplies() {
        assertThat(reader.read(kind, reader.parseTree("{\"target\": 4, \"stepMillis\": 10, \"items\": []}"))
                        .timeLimit())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void typeErrorsNameTheJsonPathAndAre400() {
        InvalidInputException e =
                failure("{\"target\": 4, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1.5}]}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(new Violation("$.items[0].weight", "cannot read 1.5 as an integer"));
    }

    @Test
    void ruleErrorsAre422WithEveryPath() {
        InvalidInputException e =
                failure("{\"target\": -1, \"stepMillis\": 10, \"items\": [{\"name\": \" \", \"weight\": 1}]}");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.violations()).extracting(Violation::field).containsExactly("$.items[0].name", "$.target");
    }

    @Test
    void nullListElementsAreRejectedBeforeTheKindSeesThem() {
        InvalidInputException e = failure("{\"target\": 1, \"stepMillis\": 10, \"items\": [null]}");
        assertThat(e.violations()).containsExactly(new Violation("$.items[0]", "must not be null"));
    }

    @Test
    void terminationAboveTheServiceMaximumIsRejected() {
        InvalidInputException e =
                failure("{\"target\": 1, \"stepMillis\": 10, \"items\": [], \"termination\": {\"seconds\": 601}}");
        assertThat(e.violations())
                .containsExactly(new Violation("$.termination.seconds", "must be at most 600 on this service"));
    }

    @Test
    void malformedJsonIs400AtTheRoot() {
        assertThatThrownBy(() -> reader.parseTree("{\"target\": "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations().get(0).field()).isEqualTo("$");
                });
        assertThat(failure("[1, 2]").status()).isEqualTo(400);
    }

    @Test
    void nestingBeyondJacksonsLimitIsUnreadableInput() {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        InvalidInputException e = failure("{\"target\": " + deep + "}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).startsWith("malformed JSON").contains("nesting depth");
        });
    }

    @Test
    void aNumberBeyondJacksonsLengthLimitIsUnreadableInput() {
        InvalidInputException e = failure("{\"target\": " + "9".repeat(100_000) + "}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("malformed JSON"));
    }
}
