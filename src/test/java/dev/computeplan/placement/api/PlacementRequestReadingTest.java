package dev.computeplan.placement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.ProblemReader;
import dev.computeplan.placement.PlacementKind;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A placement request as the strict reader sees it: id rules, references and empty optional lists and maps. */
class PlacementRequestReadingTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ProblemReader reader = new ProblemReader(
            json,
            Validation.buildDefaultValidatorFactory().getValidator(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60));
    private final PlacementKind kind = new PlacementKind();

    private ObjectNode example() throws Exception {
        return (ObjectNode) json.readTree(Files.readString(Path.of("problems/placement/placement-small.json")));
    }

    private PlacementRequest read(ObjectNode body) {
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

    private static ObjectNode node(ObjectNode body) {
        return (ObjectNode) body.withArray("nodes").get(0);
    }

    private static ObjectNode workload(ObjectNode body) {
        return (ObjectNode) body.withArray("workloads").get(0);
    }

    @Test
    void idsAndReferencesAreBoundedInLengthAndCharacters() throws Exception {
        assertThat(violations(b -> node(b).put("id", "n".repeat(129))))
                .extracting(Violation::field)
                .containsExactly("$.nodes[0].id");
        assertThat(violations(b -> node(b).put("zone", "zone\u0085")))
                .extracting(Violation::field)
                .containsExactly("$.nodes[0].zone");
        assertThat(violations(b -> workload(b).put("currentNode", "\u202Eevil")))
                .extracting(Violation::field)
                .containsExactly("$.workloads[0].currentNode");
        assertThat(violations(b -> workload(b).putArray("allowedGpuTypes").add("A100\uFEFF")))
                .extracting(Violation::field)
                .containsExactly("$.workloads[0].allowedGpuTypes[0]");
    }

    @Test
    void aResourceKeyIsBoundedLikeAnId() throws Exception {
        List<Violation> v = violations(b -> ((ObjectNode) node(b).get("capacity")).put("k".repeat(129), 1));
        assertThat(v).extracting(Violation::field).allMatch(f -> f.startsWith("$.nodes[0].capacity"));
        assertThat(v).extracting(Violation::message).anyMatch(m -> m.contains("128"));
    }

    @Test
    void emptyOptionalListsAndMapsMeanAbsent() throws Exception {
        ObjectNode body = example();
        ObjectNode absent = example();
        for (String list : new String[] {"racks", "services", "gangs", "spareReserves", "moveCosts", "resources"}) {
            body.putArray(list);
            absent.remove(list);
        }
        // racks are referenced by the nodes: drop the references on both sides
        body.withArray("nodes").forEach(n -> ((ObjectNode) n).remove("rack"));
        absent.withArray("nodes").forEach(n -> ((ObjectNode) n).remove("rack"));
        for (ObjectNode b : List.of(body, absent)) {
            b.withArray("workloads").forEach(w -> ((ObjectNode) w).remove(List.of("service", "gang")));
            b.remove("spareReserves");
        }
        body.putObject("weights");
        absent.remove("weights");
        node(body).putObject("safetyCapacity");
        node(absent).remove("safetyCapacity");
        workload(body).putArray("allowedGpuTypes");
        workload(absent).remove("allowedGpuTypes");
        workload(body).putObject("requirements");
        workload(absent).remove("requirements");
        PlacementRequest fromEmpty = read(body);
        assertThat(fromEmpty).isEqualTo(read(absent));
        assertThat(fromEmpty.workloads().get(0).allowedGpuTypes()).isNull();
    }
}
