package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.power.api.PowerMapper;
import dev.computeplan.power.api.PowerRequest;
import dev.computeplan.procurement.api.ProcurementMapper;
import dev.computeplan.procurement.api.ProcurementRequest;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A generated client writes every optional list it was not given as {@code []} (and maps as {@code {}}): each example
 * sent that way must validate and read as the same request, so that it maps to the same model.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "computeplan.jobs.enabled=false",
            "spring.flyway.enabled=false",
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"
        })
class EmptyListsMeanAbsentTest {

    @Autowired
    KindRegistry kinds;

    @Autowired
    ProblemReader reader;

    @Test
    void everyExampleWithItsAbsentListsWrittenEmptyReadsAsTheOriginal() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("problems"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : files) {
            ProblemKind<?, ?> kind = kinds.get(file.getParent().getFileName().toString());
            JsonNode original = reader.parseTree(Files.readString(file));
            JsonNode filled = original.deepCopy();
            int added = fillAbsent(filled, kind.problemType());
            assertThat(added).as("%s: no optional list to fill", file).isPositive();

            List<Violation> problems = reader.problemsOf(kind, filled);
            assertThat(problems).as(file + " with empty lists").isEmpty();
            Object a = reader.read(kind, original).problem();
            Object b = reader.read(kind, filled).problem();
            assertThat(b).as(file.toString()).isEqualTo(a);
            if (a instanceof ProcurementRequest pa) {
                assertThat(ProcurementMapper.toProblem((ProcurementRequest) b))
                        .isEqualTo(ProcurementMapper.toProblem(pa));
            }
            if (a instanceof PowerRequest pa) {
                assertThat(((PowerRequest) b).jobs().stream().map(PowerMapper::job))
                        .containsExactlyElementsOf(
                                pa.jobs().stream().map(PowerMapper::job).toList());
            }
        }
    }

    @Test
    void anEmptyRequiredListIsStillRefused() throws Exception {
        ObjectNode body = (ObjectNode) reader.parseTree(Files.readString(Path.of("problems/power/power-day-cap.json")));
        body.putArray("jobs");
        assertThat(reader.problemsOf(kinds.get("power"), body))
                .extracting(Violation::field)
                .contains("$.jobs");
    }

    /** Writes [] (or {}) for every list (or map) component of the record the node reads as; returns how many. */
    private static int fillAbsent(JsonNode node, Type type) {
        Class<?> raw = raw(type);
        int added = 0;
        if (node.isArray() && List.class.isAssignableFrom(raw)) {
            for (JsonNode element : node) {
                added += fillAbsent(element, argument(type, 0));
            }
        } else if (node instanceof ObjectNode object && raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                JsonNode value = object.get(c.getName());
                if (value == null || value.isNull()) {
                    if (List.class.isAssignableFrom(c.getType())) {
                        object.set(c.getName(), JsonNodeFactory.instance.arrayNode());
                        added++;
                    } else if (Map.class.isAssignableFrom(c.getType())) {
                        object.set(c.getName(), JsonNodeFactory.instance.objectNode());
                        added++;
                    }
                } else {
                    added += fillAbsent(value, c.getGenericType());
                }
            }
        }
        return added;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int index) {
        Type t = ((ParameterizedType) type).getActualTypeArguments()[index];
        // List<@NotNull X> reads as an annotated type whose underlying type is X
        return t instanceof java.lang.reflect.WildcardType w ? w.getUpperBounds()[0] : t;
    }
}
