package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.computeplan.common.Violation;
import java.util.List;

/** The wording of a size limit, the same for every kind: the field, the limit, the setting, the size given. */
public final class SizeLimits {

    private SizeLimits() {}

    /** The number of elements of an array (0 when the node is absent or not an array: binding reports those). */
    public static int count(JsonNode node) {
        return node != null && node.isArray() ? node.size() : 0;
    }

    /** Adds a violation when {@code actual} is above {@code max}. */
    public static void atMost(long actual, long max, String field, String noun, String setting, List<Violation> out) {
        if (actual > max) {
            out.add(new Violation(
                    field,
                    "at most " + max + " " + noun + " on this service (" + setting + "); the input has " + actual));
        }
    }

    /** Adds a violation when the array {@code parent.name} has more than {@code max} elements. */
    public static void arrayAtMost(
            JsonNode parent, String path, String name, long max, String noun, String setting, List<Violation> out) {
        JsonNode array = parent == null ? null : parent.get(name);
        atMost(count(array), max, path + "." + name, noun, setting, out);
    }
}
