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

    private ParsedRequest<CountdownKind.Problem> accepted(String json) {
        return reader.read(kind, reader.parseTree(json));
    }

    @Test
    void aDuplicateKeyIs400NamingTheKeyAndItsPath() {
        InvalidInputException e = failure(
                "{\"target\": 4, \"stepMillis\": 10, \"items\": [{\"name\": \"a\", \"weight\": 1, \"weight\": 2}]}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(new Violation("$.items[0].weight", "duplicate key 'weight'"));
        assertThat(failure("{\"target\": 4, \"target\": 4, \"stepMillis\": 10, \"items\": []}")
                        .violations())
                .containsExactly(new Violation("$.target", "duplicate key 'target'"));
    }

    @Test
    void aDuplicateKeyInsideTerminationIsRefusedToo() {
        InvalidInputException e = failure(
                "{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"termination\": {\"seconds\": 5, \"seconds\": 6}}");
        assertThat(e.violations()).containsExactly(new Violation("$.termination.seconds", "duplicate key 'seconds'"));
    }

    @Test
    void wholeNumbersWithAFractionOrExponentReadAsIntegers() {
        for (String eight : new String[] {"8.0", "8.00", "8e0", "0.8e1", "8E0"}) {
            assertThat(accepted("{\"target\": " + eight + ", \"stepMillis\": 1E1, \"items\": []}")
                            .problem())
                    .as(eight)
                    .satisfies(p -> {
                        assertThat(p.target()).isEqualTo(8);
                        assertThat(p.stepMillis()).isEqualTo(10);
                    });
        }
        assertThat(accepted("{\"target\": 1E3, \"stepMillis\": 10, \"items\": []}")
                        .problem()
                        .target())
                .isEqualTo(1000);
    }

    @Test
    void terminationSecondsAcceptsAWholeNumberWithAFraction() {
        assertThat(accepted("{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"termination\": {\"seconds\": 7.0}}")
                        .timeLimit())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(failure("{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"termination\": {\"seconds\": 7.5}}")
                        .violations())
                .containsExactly(new Violation("$.termination.seconds", "cannot read 7.5 as an integer"));
    }

    @Test
    void aFractionIsStillRefusedWhereAnIntegerIsExpected() {
        InvalidInputException e = failure("{\"target\": 8.5, \"stepMillis\": 10, \"items\": []}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(new Violation("$.target", "cannot read 8.5 as an integer"));
    }

    @Test
    void aNumberBeyondTheIntegerRangeNamesItsField() {
        InvalidInputException e = failure("{\"target\": 99999999999999999999, \"stepMillis\": 10, \"items\": []}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations())
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("$.target"));
        assertThat(failure("{\"target\": 1e12, \"stepMillis\": 10, \"items\": []}")
                        .violations())
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("$.target"));
    }

    @Test
    void aNumberBeyondTheDoubleRangeIsRefusedAtItsPath() {
        InvalidInputException e = failure("{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"x\": [1e999999]}");
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(new Violation("$.x[0]", "number out of range"));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedInAnyString() {
        String[] bad = {"a\\u0000b", "\\u001b[31m", "x\\u0085", "\\ud800", "a\\udc00"};
        for (String text : bad) {
            InvalidInputException e = failure(
                    "{\"target\": 4, \"stepMillis\": 10, \"items\": [{\"name\": \"" + text + "\", \"weight\": 1}]}");
            assertThat(e.status()).as(text).isEqualTo(422);
            assertThat(e.violations())
                    .as(text)
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("$.items[0].name"));
        }
        assertThat(accepted(
                                "{\"target\": 4, \"stepMillis\": 10, \"items\": [{\"name\": \"tab\\tand \\ud83d\\ude00\", \"weight\": 1}]}")
                        .problem()
                        .items())
                .singleElement()
                .satisfies(i -> assertThat(i.name()).isEqualTo("tab\tand \ud83d\ude00"));
    }

    @Test
    void aKeyWithAControlCharacterIsRefusedWithABracketedPath() {
        InvalidInputException e = failure("{\"target\": 4, \"stepMillis\": 10, \"items\": [], \"a\\u0000\": 1}");
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$['a\u0000']");
            assertThat(v.message()).startsWith("key must not contain control characters");
        });
    }

    @Test
    void aMissingOrNullPrimitiveIsRequiredNotAnIntegerError() {
        for (String body : new String[] {
            "{\"stepMillis\": 10, \"items\": []}", "{\"target\": null, \"stepMillis\": 10, \"items\": []}"
        }) {
            InvalidInputException e = failure(body);
            assertThat(e.status()).as(body).isEqualTo(422);
            assertThat(e.violations()).as(body).containsExactly(new Violation("$.target", "must not be null"));
        }
    }
}
