package dev.computeplan.placement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads the example scenarios of problems/placement as requests (without their termination). */
public final class PlacementExamples {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private PlacementExamples() {}

    public static PlacementRequest load(String name) {
        return load(name, node -> {});
    }

    /** The example after an edit of its JSON, e.g. a node's state changed. */
    public static PlacementRequest load(String name, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode)
                    MAPPER.readTree(Path.of("problems/placement", name).toFile());
            node.remove("termination");
            edit.accept(node);
            return MAPPER.treeToValue(node, PlacementRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The small example with the only active GPU node of the reserved zone failed: the zone keeps no free GPU, so
     * the whole reserve is short whatever the plan.
     */
    public static PlacementRequest smallWithReserveZoneDown() {
        return load(
                "placement-small.json",
                root -> root.withArray("nodes").forEach(n -> {
                    if (n.path("id").asText().equals("a100-3")) {
                        ((ObjectNode) n).put("state", "FAILED");
                    }
                }));
    }
}
