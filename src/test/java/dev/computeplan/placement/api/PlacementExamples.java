package dev.computeplan.placement.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads the example scenarios of problems/placement as requests (without their termination). */
public final class PlacementExamples {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private PlacementExamples() {}

    public static PlacementRequest load(String name) {
        try {
            ObjectNode node = (ObjectNode)
                    MAPPER.readTree(Path.of("problems/placement", name).toFile());
            node.remove("termination");
            return MAPPER.treeToValue(node, PlacementRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
