package dev.computeplan.jobs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a JSON request body into a checked problem, the same way for the API and the CLI:
 * JSON syntax and types (400), then Bean Validation and the kind's own rules (422).
 */
public class ProblemReader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemReader.class);

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Duration defaultTimeLimit;
    private final Duration maxTimeLimit;

    public ProblemReader(ObjectMapper mapper, Validator validator, Duration defaultTimeLimit, Duration maxTimeLimit) {
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.validator = validator;
        this.defaultTimeLimit = defaultTimeLimit;
        this.maxTimeLimit = maxTimeLimit;
    }

    public JsonNode parseTree(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw InvalidInputException.unreadable(
                        "The request body is empty.", List.of(new Violation("$", "a JSON object is required")));
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's nesting and number-length limits report no location
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw InvalidInputException.unreadable(
                    "The request body is not valid JSON.",
                    List.of(new Violation("$", "malformed JSON" + where + ": " + e.getOriginalMessage())));
        }
    }

    /** Reads a full request: the problem plus an optional {@code termination}. */
    public <P> ParsedRequest<P> read(ProblemKind<P, ?> kind, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw InvalidInputException.unreadable(
                    "The request body must be a JSON object.", List.of(new Violation("$", "expected a JSON object")));
        }
        rejectOversized(kind, object);
        ObjectNode problemNode = object.deepCopy();
        JsonNode terminationNode = problemNode.remove("termination");
        Duration limit = readTermination(terminationNode);
        P problem = bind(kind, problemNode);
        return new ParsedRequest<>(problem, problemNode.toString(), limit);
    }

    /** The kind's size limits, before the body is copied, bound or validated. */
    private static void rejectOversized(ProblemKind<?, ?> kind, ObjectNode body) {
        List<Violation> tooLarge = kind.checkSize(body);
        if (!tooLarge.isEmpty()) {
            throw InvalidInputException.invalid(tooLarge);
        }
    }

    /** All problems of an input, without throwing: used by the validate endpoint and command. */
    public List<Violation> problemsOf(ProblemKind<?, ?> kind, JsonNode body) {
        try {
            read(kind, body);
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    private <P> P bind(ProblemKind<P, ?> kind, JsonNode node) {
        List<Violation> nulls = new ArrayList<>();
        findNullElements(node, "$", nulls);
        if (!nulls.isEmpty()) {
            throw InvalidInputException.invalid(nulls);
        }
        P problem;
        try {
            problem = mapper.treeToValue(node, kind.problemType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw InvalidInputException.unreadable(
                    "The request body does not match the " + kind.name() + " schema.", List.of(violationOf(e)));
        }
        if (problem == null) {
            throw InvalidInputException.unreadable(
                    "The request body is empty.", List.of(new Violation("$", "a JSON object is required")));
        }
        List<Violation> violations = beanViolations(problem, "$");
        if (violations.isEmpty()) {
            violations = kindRules(kind, problem);
        }
        if (!violations.isEmpty()) {
            throw InvalidInputException.invalid(violations);
        }
        return problem;
    }

    /** A kind's own rules; if they fail on an input, that input is answered as invalid rather than as a server error. */
    private static <P> List<Violation> kindRules(ProblemKind<P, ?> kind, P problem) {
        try {
            return kind.validate(problem);
        } catch (RuntimeException e) {
            LOG.warn("The {} validation failed on an input; answering it as invalid", kind.name(), e);
            return List.of(new Violation("$", "the input cannot be checked: " + e));
        }
    }

    /** Null array elements are never meaningful in a problem; reject them before any code has to guard against them. */
    private static void findNullElements(JsonNode node, String path, List<Violation> out) {
        if (out.size() >= 20) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element == null || element.isNull()) {
                    out.add(new Violation(path + "[" + i + "]", "must not be null"));
                } else {
                    findNullElements(element, path + "[" + i + "]", out);
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> findNullElements(e.getValue(), path + "." + e.getKey(), out));
        }
    }

    private Duration readTermination(JsonNode node) {
        if (node == null || node.isNull()) {
            return defaultTimeLimit;
        }
        Termination termination;
        try {
            termination = mapper.treeToValue(node, Termination.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Violation v = violationOf(e);
            throw InvalidInputException.unreadable(
                    "termination cannot be read.",
                    List.of(new Violation(v.field().replaceFirst("^\\$", "\\$.termination"), v.message())));
        }
        List<Violation> violations = beanViolations(termination, "$.termination");
        if (!violations.isEmpty()) {
            throw InvalidInputException.invalid(violations);
        }
        if (termination.seconds() == null) {
            return defaultTimeLimit;
        }
        Duration limit = Duration.ofSeconds(termination.seconds());
        if (limit.compareTo(maxTimeLimit) > 0) {
            throw InvalidInputException.invalid(List.of(new Violation(
                    "$.termination.seconds", "must be at most " + maxTimeLimit.toSeconds() + " on this service")));
        }
        return limit;
    }

    private <T> List<Violation> beanViolations(T value, String root) {
        List<Violation> list = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(value)) {
            list.add(new Violation(jsonPath(root, v.getPropertyPath()), v.getMessage()));
        }
        list.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return list;
    }

    static String jsonPath(String root, Path path) {
        StringBuilder sb = new StringBuilder(root);
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append("['").append(node.getKey()).append("']");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                sb.append('.').append(node.getName());
            }
        }
        return sb.toString();
    }

    static Violation violationOf(Exception e) {
        if (e instanceof JsonMappingException jme) {
            String path = jsonPath(jme.getPath());
            String message;
            if (jme instanceof UnrecognizedPropertyException upe) {
                path = path.isEmpty() ? "$" : path;
                message = "unknown field '" + upe.getPropertyName() + "'";
            } else if (jme instanceof InvalidFormatException ife) {
                message = "cannot read " + describe(ife.getValue()) + " as " + simpleType(ife.getTargetType());
            } else if (jme instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "expected " + simpleType(mie.getTargetType());
            } else {
                message = jme.getOriginalMessage();
            }
            return new Violation(path.isEmpty() ? "$" : path, message);
        }
        return new Violation("$", String.valueOf(e.getMessage()));
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String describe(Object value) {
        return value instanceof String s
                ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\""
                : String.valueOf(value);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "the declared type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object (" + type.getSimpleName() + ")";
    }
}
