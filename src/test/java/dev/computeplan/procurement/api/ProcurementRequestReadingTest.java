package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.procurement.ProcurementKind;
import dev.computeplan.procurement.ProcurementProperties;
import dev.computeplan.procurement.model.ProcurementProblem;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A procurement request as the strict reader sees it: quarter labels, names, and empty optional lists. */
class ProcurementRequestReadingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemReader reader = new ProblemReader(
            json,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    private final ProcurementKind kind = new ProcurementKind(ProcurementProperties.defaults());

    private ObjectNode example() throws Exception {
        return (ObjectNode)
                json.readTree(Files.readString(Path.of("problems/procurement/procurement-mixed-fleet.json")));
    }

    private ProcurementRequest read(ObjectNode body) {
        return reader.read(kind, reader.parseTree(body.toString())).problem();
    }

    private List<Violation> violations(Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = example();
        change.accept(body);
        try {
            reader.read(kind, reader.parseTree(body.toString()));
        } catch (InvalidInputException e) {
            assertThat(e.status()).isEqualTo(422);
            return e.violations();
        }
        throw new AssertionError("accepted: " + body);
    }

    private static ObjectNode sku(ObjectNode body) {
        return (ObjectNode) body.withArray("catalogue").get(0);
    }

    @Test
    void firstQuarterIsAYearAndAQuarterOneToFour() throws Exception {
        for (String bad : new String[] {"2027Q9", "2027Q0", "27Q1", "2027-Q1", "2027q1", "Q1", ""}) {
            assertThat(violations(b -> b.put("firstQuarter", bad)))
                    .as(bad)
                    .containsExactly(
                            new Violation("$.firstQuarter", "must be a quarter such as 2027Q1 (YYYYQ1 to YYYYQ4)"));
        }
        ObjectNode body = example();
        body.put("firstQuarter", "2027Q4");
        assertThat(ProcurementMapper.toProblem(read(body)).quarterLabel(1)).isEqualTo("2028Q1");
    }

    @Test
    void namesAreBoundedInLengthAndCharacters() throws Exception {
        assertThat(violations(b -> sku(b).put("name", "n".repeat(129))))
                .extracting(Violation::field)
                .containsExactly("$.catalogue[0].name");
        assertThat(violations(b -> ((ObjectNode) b.withArray("sites").get(0)).put("name", "site\u001b[2J")))
                .extracting(Violation::field)
                .containsExactly("$.sites[0].name");
        assertThat(violations(b -> sku(b).put("assumptions", "a".repeat(501))))
                .extracting(Violation::field)
                .containsExactly("$.catalogue[0].assumptions");
        ObjectNode body = example();
        sku(body).put("assumptions", "line one\nline two\ttabbed");
        assertThat(read(body).catalogue().get(0).assumptions()).contains("\n");
    }

    @Test
    void emptyOptionalPerQuarterListsMeanNoCapAndNoBudget() throws Exception {
        ObjectNode body = example();
        sku(body).putArray("availability");
        sku(body).putArray("cloudAvailability");
        ((ObjectNode) body.withArray("sites").get(0)).putArray("capexBudgetUsd");
        ((ObjectNode) body.withArray("sites").get(0)).putArray("existingFleet");
        ObjectNode absent = example();
        sku(absent).remove("availability");
        sku(absent).remove("cloudAvailability");
        ((ObjectNode) absent.withArray("sites").get(0)).remove("capexBudgetUsd");
        ((ObjectNode) absent.withArray("sites").get(0)).remove("existingFleet");
        ProcurementProblem fromEmpty = ProcurementMapper.toProblem(read(body));
        assertThat(fromEmpty).isEqualTo(ProcurementMapper.toProblem(read(absent)));
        assertThat(fromEmpty.catalogue().get(0).availabilityCap(0)).isInfinite();
    }

    @Test
    void anEmptyRequiredPerQuarterListIsStillRefused() throws Exception {
        assertThat(violations(b -> ((ObjectNode) b.withArray("sites").get(0)).putArray("powerMw")))
                .extracting(Violation::field)
                .contains("$.sites[0].powerMw");
    }
}
