package dev.computeplan.power.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.power.PowerKind;
import dev.computeplan.power.PowerKinds;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A power request as the strict reader sees it: defaults of optional fields, required ones, date-times, names. */
class PowerRequestReadingTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final ProblemReader reader = new ProblemReader(
            json,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    private final PowerKind kind = PowerKinds.defaults();

    private ObjectNode example() throws Exception {
        return (ObjectNode) json.readTree(Files.readString(Path.of("problems/power/power-tight-cap.json")));
    }

    private ObjectNode firstJob(ObjectNode body) {
        return (ObjectNode) body.withArray("jobs").get(0);
    }

    private PowerRequest read(ObjectNode body) {
        return reader.read(kind, reader.parseTree(body.toString())).problem();
    }

    private InvalidInputException failure(Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = example();
        change.accept(body);
        try {
            reader.read(kind, reader.parseTree(body.toString()));
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void optionalJobFieldsTakeTheirStatedDefaults() throws Exception {
        ObjectNode body = example();
        ObjectNode job = firstJob(body);
        job.put("priority", 1);
        PowerRequest explicit = read(body);
        for (String field :
                new String[] {"interruptible", "minRunMinutes", "checkpointOverheadMinutes", "priority", "mayBeLate"}) {
            job.remove(field);
        }
        job.remove("mayBeDropped");
        assertThat(read(body)).isEqualTo(explicit);
        job.putNull("minRunMinutes");
        assertThat(read(body)).isEqualTo(explicit);
    }

    @Test
    void weightsLeftOutTakeTheModelDefaults() throws Exception {
        ObjectNode body = example();
        body.putObject("weights").put("co2PriceUsdPerTonne", 50);
        assertThat(read(body).weights()).isEqualTo(new PowerRequest.PowerWeights(50.0, true, 10.0, 1000.0));
    }

    @Test
    void requiredNumbersLeftOutAre422MustNotBeNull() throws Exception {
        for (String field : new String[] {"workGpuHours", "gpus"}) {
            InvalidInputException e = failure(b -> firstJob(b).remove(field));
            assertThat(e.status()).as(field).isEqualTo(422);
            assertThat(e.violations()).contains(new Violation("$.jobs[0]." + field, "must not be null"));
        }
        InvalidInputException e = failure(b -> ((ObjectNode) b.get("grid")).remove("steps"));
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.violations()).containsExactly(new Violation("$.grid.steps", "must not be null"));
        e = failure(b -> ((ObjectNode) firstJob(b).withArray("levels").get(0)).remove("powerW"));
        assertThat(e.violations()).containsExactly(new Violation("$.jobs[0].levels[0].powerW", "must not be null"));
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsAnInteger() throws Exception {
        ObjectNode body = example();
        firstJob(body).put("gpus", 1.0).put("minRunMinutes", 0.0);
        ((ObjectNode) body.get("grid")).put("steps", 12e0);
        assertThat(read(body).jobs().get(0).gpus()).isEqualTo(1);
        InvalidInputException e = failure(b -> firstJob(b).put("gpus", 1.5));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.violations()).containsExactly(new Violation("$.jobs[0].gpus", "cannot read 1.5 as an integer"));
    }

    @Test
    void dateTimesParseStrictlyAsLocalIso8601() throws Exception {
        for (String bad : new String[] {
            "2026-06-01T00:00Z", "2026-06-01T00:00+02:00", "2026-13-01T00:00", "2026-06-31T00:00", "2026-06-01", "noon"
        }) {
            InvalidInputException e = failure(b -> firstJob(b).put("release", bad));
            assertThat(e.status()).as(bad).isEqualTo(400);
            assertThat(e.violations()).as(bad).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("$.jobs[0].release");
                assertThat(v.message()).contains("local date-time such as 2026-06-01T00:00");
            });
        }
        ObjectNode body = example();
        firstJob(body).put("release", "2026-06-01T00:00:00");
        assertThat(read(body).jobs().get(0).release()).isEqualTo("2026-06-01T00:00");
    }

    @Test
    void idsAndNamesAreBoundedInLengthAndCharacters() throws Exception {
        assertThat(failure(b -> firstJob(b).put("id", "x".repeat(129))).violations())
                .extracting(Violation::field)
                .containsExactly("$.jobs[0].id");
        assertThat(failure(b -> firstJob(b).put("id", "a\u202Eb")).violations())
                .extracting(Violation::field)
                .containsExactly("$.jobs[0].id");
        assertThat(failure(b -> ((ObjectNode) firstJob(b).withArray("levels").get(0)).put("name", "l\u2028"))
                        .violations())
                .extracting(Violation::field)
                .containsExactly("$.jobs[0].levels[0].name");
        ObjectNode body = example();
        firstJob(body).put("id", "train 7b (night) — ünïcode ✓ " + "x".repeat(90));
        assertThat(read(body).jobs().get(0).id()).hasSize(119);
    }

    @Test
    void emptyOptionalListsMeanAbsent() throws Exception {
        ObjectNode body = example();
        ((ObjectNode) body.get("grid")).putArray("priceUsdPerMwh");
        ((ObjectNode) body.get("grid")).putArray("baseLoadKw");
        assertThat(read(body)).isEqualTo(read(example()));
        firstJob(body).putArray("levels").removeAll();
        firstJob(body).put("gpuModel", "H100-SXM");
        assertThat(read(body).jobs().get(0).levels()).isNull();
    }
}
