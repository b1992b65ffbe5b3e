package dev.computeplan.procurement.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.Violation;
import java.util.List;

/**
 * No number of a procurement request may exceed a trillion in size: no price, demand, budget or capacity of a real
 * plan comes near it, and beyond it the MIP's objective loses its precision (at about 1e308 it is infinite, and the
 * solve fails instead of the request).
 */
public final class NumberRange {

    public static final double MAX_MAGNITUDE = 1e12;

    private NumberRange() {}

    /** The first few numbers above the bound, with their JSON paths. */
    public static void check(JsonNode node, String path, List<Violation> out) {
        if (out.size() >= 20) {
            return;
        }
        if (node.isNumber()) {
            if (!(Math.abs(node.asDouble()) <= MAX_MAGNITUDE)) {
                out.add(new Violation(path, "must be at most 1e12 in size"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> check(e.getValue(), path + "." + e.getKey(), out));
        }
    }
}
