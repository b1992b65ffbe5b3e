package dev.computeplan.jobs;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rules every request body obeys whatever its kind, checked on the JSON tree before binding: numbers written with a
 * fraction or exponent that are whole ({@code 8.0}, {@code 1E3}) count as integers, numbers too large for a double
 * are refused, strings and keys are valid Unicode without control characters, and list elements are not null.
 */
final class JsonTreeRules {

    /** Stop collecting after this many violations: one bad list of a million elements needs no million answers. */
    private static final int MAX_VIOLATIONS = 20;

    private static final double LONG_RANGE = 0x1p63;

    private JsonTreeRules() {}

    /**
     * Replaces every whole floating-point number within the range of a long by an integer node, so that an integer
     * field reads {@code 8.0} as 8 (a floating-point field reads an integer node just as well). Returns the paths of
     * numbers that are not finite ({@code 1e999}), which no field can hold.
     */
    static List<Violation> normaliseNumbers(JsonNode root) {
        List<Violation> out = new ArrayList<>();
        walkNumbers(root, "$", out);
        return out;
    }

    private static void walkNumbers(JsonNode node, String path, List<Violation> out) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = child(path, e.getKey());
                JsonNode value = e.getValue();
                if (value.isFloatingPointNumber()) {
                    JsonNode replaced = normalised(value, child, out);
                    if (replaced != value) {
                        e.setValue(replaced);
                    }
                } else {
                    walkNumbers(value, child, out);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isFloatingPointNumber()) {
                    JsonNode replaced = normalised(value, path + "[" + i + "]", out);
                    if (replaced != value) {
                        array.set(i, replaced);
                    }
                } else {
                    walkNumbers(value, path + "[" + i + "]", out);
                }
            }
        }
    }

    private static JsonNode normalised(JsonNode number, String path, List<Violation> out) {
        double d = number.doubleValue();
        if (!Double.isFinite(d)) {
            if (out.size() < MAX_VIOLATIONS) {
                out.add(new Violation(path, "number out of range"));
            }
            return number;
        }
        if (d == Math.rint(d) && Math.abs(d) < LONG_RANGE) {
            long whole = (long) d;
            return whole == (int) whole
                    ? JsonNodeFactory.instance.numberNode((int) whole)
                    : JsonNodeFactory.instance.numberNode(whole);
        }
        return number;
    }

    /** Null list elements, and strings or keys that are not valid Unicode text or that hold control characters. */
    static List<Violation> contentViolations(JsonNode root) {
        List<Violation> out = new ArrayList<>();
        walkContent(root, "$", out);
        return out;
    }

    private static void walkContent(JsonNode node, String path, List<Violation> out) {
        if (out.size() >= MAX_VIOLATIONS) {
            return;
        }
        if (node.isTextual()) {
            String problem = textProblem(node.textValue());
            if (problem != null) {
                out.add(new Violation(path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && out.size() < MAX_VIOLATIONS; i++) {
                JsonNode element = node.get(i);
                if (element.isNull()) {
                    out.add(new Violation(path + "[" + i + "]", "must not be null"));
                } else {
                    walkContent(element, path + "[" + i + "]", out);
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    it.hasNext() && out.size() < MAX_VIOLATIONS; ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = child(path, e.getKey());
                String keyProblem = textProblem(e.getKey());
                if (keyProblem != null) {
                    out.add(new Violation(child, "key " + keyProblem));
                } else {
                    walkContent(e.getValue(), child, out);
                }
            }
        }
    }

    /**
     * Why a string cannot be stored and shown as it is, or null. Tab, line feed and carriage return are text; the
     * other C0 and C1 controls, DEL and unpaired surrogates are not.
     */
    static String textProblem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode: unpaired surrogate at character " + i;
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at character " + i
                        + ")";
            }
        }
        return null;
    }

    /** {@code $.name} for plain names, {@code $['odd name']} for the rest, so a path reads back unambiguously. */
    static String child(String path, String name) {
        if (!name.isEmpty() && name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
            return path + "." + name;
        }
        return path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The JSON path of where a parser stands, e.g. {@code $.jobs[2].id}. */
    static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        String path = "$";
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path += "[" + Math.max(0, c.getCurrentIndex()) + "]";
            } else if (c.getCurrentName() != null) {
                path = child(path, c.getCurrentName());
            }
        }
        return path;
    }
}
