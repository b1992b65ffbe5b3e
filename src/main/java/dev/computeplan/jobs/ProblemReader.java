package dev.computeplan.jobs;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a JSON request body into a checked problem, the same way for the API and the CLI:
 * JSON syntax and types (400), then Bean Validation and the kind's own rules (422). Duplicate keys are refused, whole
 * numbers written as {@code 8.0} or {@code 1E3} read as integers, and date-times parse strictly (ISO 8601).
 */
public class ProblemReader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemReader.class);

    private static final String MUST_NOT_BE_NULL = "must not be null";

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
        this.mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // lenient local date-times would accept a trailing Z or an offset and silently convert them
        for (Class<?> type : List.of(LocalDateTime.class, LocalDate.class, LocalTime.class, OffsetDateTime.class)) {
            this.mapper.configOverride(type).setFormat(JsonFormat.Value.forLeniency(false));
        }
        this.validator = validator;
        this.defaultTimeLimit = defaultTimeLimit;
        this.maxTimeLimit = maxTimeLimit;
    }

    /** Parses a body: 400 for malformed JSON, a duplicate key or a number no field can hold. */
    public JsonNode parseTree(String body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        if (node == null || node.isMissingNode()) {
            throw InvalidInputException.unreadable(
                    "The request body is empty.", List.of(new Violation("$", "a JSON object is required")));
        }
        List<Violation> outOfRange = JsonTreeRules.normaliseNumbers(node);
        if (!outOfRange.isEmpty()) {
            throw InvalidInputException.unreadable("The request body holds a number out of range.", outOfRange);
        }
        return node;
    }

    private static InvalidInputException unreadable(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field '")
                && e instanceof StreamReadException sre
                && sre.getProcessor() != null) {
            String key = original.substring("Duplicate field '".length(), original.lastIndexOf('\''));
            return InvalidInputException.unreadable(
                    "The request body has a duplicate key.",
                    List.of(new Violation(
                            JsonTreeRules.pathOf(sre.getProcessor().getParsingContext()),
                            "duplicate key '" + key + "'")));
        }
        // Jackson's nesting and number-length limits report no location
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return InvalidInputException.unreadable(
                "The request body is not valid JSON.",
                List.of(new Violation("$", "malformed JSON" + where + ": " + original)));
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
        List<Violation> content = JsonTreeRules.contentViolations(node);
        if (!content.isEmpty()) {
            throw InvalidInputException.invalid(content);
        }
        P problem;
        try {
            problem = mapper.treeToValue(node, kind.problemType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Violation v = violationOf(e);
            if (v.message().equals(MUST_NOT_BE_NULL)) {
                // a required primitive left out reads like a missing required field: a rule, as @NotNull says
                throw InvalidInputException.invalid(List.of(v));
            }
            throw InvalidInputException.unreadable(
                    "The request body does not match the " + kind.name() + " schema.", List.of(v));
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

    /**
     * Binds a body that is not a kind's problem (an endpoint's own request) and checks its Bean Validation rules:
     * 400 when it does not match {@code type}, 422 naming the field paths when it breaks a rule.
     */
    public <T> T readAs(JsonNode body, Class<T> type) {
        if (!(body instanceof ObjectNode)) {
            throw InvalidInputException.unreadable(
                    "The request body must be a JSON object.", List.of(new Violation("$", "expected a JSON object")));
        }
        List<Violation> content = JsonTreeRules.contentViolations(body);
        if (!content.isEmpty()) {
            throw InvalidInputException.invalid(content);
        }
        T value;
        try {
            value = mapper.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Violation v = violationOf(e);
            if (v.message().equals(MUST_NOT_BE_NULL)) {
                throw InvalidInputException.invalid(List.of(v));
            }
            throw InvalidInputException.unreadable("The request body does not match its schema.", List.of(v));
        }
        List<Violation> violations = beanViolations(value, "$");
        if (!violations.isEmpty()) {
            throw InvalidInputException.invalid(violations);
        }
        return value;
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
            } else if (String.valueOf(jme.getOriginalMessage()).startsWith("Cannot map `null` into type")) {
                message = MUST_NOT_BE_NULL;
            } else if (jme instanceof MismatchedInputException mie && mie.getTargetType() != null) {
                message = "expected " + simpleType(mie.getTargetType());
            } else {
                message = jme.getOriginalMessage();
            }
            return new Violation(path.isEmpty() ? "$" : path, message);
        }
        if (e instanceof InputCoercionException ice && ice.getProcessor() != null) {
            return new Violation(
                    JsonTreeRules.pathOf(ice.getProcessor().getParsingContext()),
                    "number out of range of " + simpleType(ice.getTargetType()));
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
        if (type == LocalDateTime.class) {
            return "a local date-time such as 2026-06-01T00:00 (ISO 8601, without offset)";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-06-01 (ISO 8601)";
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
