package dev.computeplan.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;

/**
 * Documents the error answers of every operation as RFC 9457 {@code application/problem+json} with one
 * {@code Problem} schema, and names the JSON content type where springdoc writes {@code *}{@code /*}.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String PROBLEM = "Problem";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "The body is not valid JSON or does not match the schema, or a parameter is out of range"),
            Map.entry(
                    "401",
                    "No valid API key or bearer token (access control is on); WWW-Authenticate names the schemes"),
            Map.entry("403", "The caller's roles do not allow this operation (a viewer submitting or deleting)"),
            Map.entry("404", "No such job or resource"),
            Map.entry("409", "Not available in the job's current state"),
            Map.entry("413", "The body is larger than this service accepts"),
            Map.entry("415", "The body is not application/json"),
            Map.entry("422", "The problem breaks a rule; errors name each field"),
            Map.entry(
                    "429",
                    "Too many jobs are waiting, or the tenant is over its quota; retry after Retry-After seconds"),
            Map.entry("503", "The service is at capacity; retry after Retry-After seconds"),
            Map.entry("500", "The service failed on this request"));

    private ProblemResponses() {}

    /** The {@code Problem} schema; {@code Violation} is the schema of one entry of {@code errors}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void define(SpecSchemas schemas) {
        Schema violation = schemas.refTo(dev.computeplan.common.Violation.class);
        Schema problem = SpecSchemas.typed("object")
                .description("RFC 9457 problem details")
                .addProperty("type", SpecSchemas.typed("string").format("uri").description("what kind of error"))
                .addProperty("title", SpecSchemas.typed("string").description("the kind of error, for people"))
                .addProperty(
                        "status", SpecSchemas.typed("integer").format("int32").description("the HTTP status"))
                .addProperty("detail", SpecSchemas.typed("string").description("this occurrence, for people"))
                .addProperty("instance", SpecSchemas.typed("string").format("uri-reference"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(violation)
                                .description("each field that is wrong: a JSON path and why"));
        problem.setRequired(List.of("title", "status"));
        schemas.add(PROBLEM, problem);
    }

    /** Declares error answers of an operation (kept where an annotation already describes them). */
    static void declare(Operation operation, String... codes) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (String code : codes) {
            operation.getResponses().computeIfAbsent(code, c -> new ApiResponse());
        }
    }

    /**
     * Every operation answers 500; with a path parameter 404; with a query parameter or a body 400; with a body 413
     * and 415. Then every error answer gets the problem content, and 429 and 503 their Retry-After.
     */
    static void complete(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            for (Operation operation : path.getValue().readOperations()) {
                List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
                boolean body = operation.getRequestBody() != null;
                if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
                    declare(operation, "404");
                }
                if (body || parameters.stream().anyMatch(p -> "query".equals(p.getIn()))) {
                    declare(operation, "400");
                }
                if (body) {
                    declare(operation, "413", "415");
                }
                declare(operation, "500");
                // an empty security list marks the public operations (the examples)
                if (path.getKey().startsWith("/api/")
                        && (operation.getSecurity() == null
                                || !operation.getSecurity().isEmpty())) {
                    declare(operation, "401", "403");
                }
                operation.getResponses().forEach(ProblemResponses::complete);
            }
        }
    }

    private static void complete(String code, ApiResponse response) {
        if (!code.startsWith("4") && !code.startsWith("5")) {
            jsonInsteadOfAny(response.getContent());
            return;
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, "Error"));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(SpecSchemas.ref(PROBLEM))));
        if (code.equals("401")) {
            response.addHeaderObject(
                    org.springframework.http.HttpHeaders.WWW_AUTHENTICATE,
                    new Header()
                            .description("the accepted schemes: Bearer (a JWT or an API key) and ApiKey (X-API-Key)")
                            .schema(SpecSchemas.typed("string")));
        }
        if (code.equals("429") || code.equals("503")) {
            response.addHeaderObject(
                    org.springframework.http.HttpHeaders.RETRY_AFTER,
                    new Header()
                            .description("seconds to wait before trying again")
                            .schema(SpecSchemas.typed("integer").format("int32")));
        }
    }

    /** springdoc writes {@code *}{@code /*} where a handler declares no produced type; ours answer JSON. */
    private static void jsonInsteadOfAny(Content content) {
        if (content != null && content.containsKey("*/*")) {
            MediaType any = content.remove("*/*");
            content.putIfAbsent(SpecSchemas.JSON, any);
        }
    }
}
