package dev.computeplan.api;

import static dev.computeplan.api.SpecSchemas.json;
import static dev.computeplan.api.SpecSchemas.ref;

import dev.computeplan.jobs.ProblemKind;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job endpoints are served once for every kind ({@code /api/v1/{kind}/...}) with an untyped body. A client needs
 * one typed operation per kind, so this publishes them per kind ({@code /api/v1/placement/jobs}, operation
 * {@code submitPlacementJob}, tag {@code placement}) from the generic ones, with the kind's own problem, solution and
 * explanation types, and removes the generic ones.
 */
final class KindOperations {

    static final String BASE = "/api/v1/{kind}";

    private final OpenAPI openApi;
    private final SpecSchemas schemas;
    private final Map<String, PathItem> generic = new LinkedHashMap<>();

    KindOperations(OpenAPI openApi, SpecSchemas schemas) {
        this.openApi = openApi;
        this.schemas = schemas;
        Paths paths = openApi.getPaths();
        if (paths != null) {
            paths.keySet().stream()
                    .filter(p -> p.startsWith(BASE))
                    .toList()
                    .forEach(p -> generic.put(p, paths.remove(p)));
        }
    }

    /** Whether the generic job endpoints are served here (they are not when the job machinery is switched off). */
    boolean served() {
        return !generic.isEmpty();
    }

    void publish(ProblemKind<?, ?> kind, Schema<?> problem) {
        String name = SchemaNames.capitalised(kind.name());
        Schema<?> solution = schemas.refTo(kind.solutionType());
        Schema<?> explanation = schemas.refTo(kind.explanationType());
        Schema<?> job = ref("JobView");
        Operation submit = add(kind, "/jobs", HttpMethod.POST, "submit" + name + "Job", ok("202", job));
        body(submit, kind, problem);
        declare(submit, "422", "429", "503");
        add(kind, "/jobs", HttpMethod.GET, "list" + name + "Jobs", ok("200", ref("JobPage")));
        add(kind, "/jobs/{id}", HttpMethod.GET, "get" + name + "Job", ok("200", job));
        add(
                kind,
                "/jobs/{id}",
                HttpMethod.DELETE,
                "stop" + name + "Job",
                ok("200", job)
                        .addApiResponse(
                                "204",
                                new ApiResponse().description("The finished job and its solution were deleted")));
        add(kind, "/jobs/{id}/problem", HttpMethod.GET, "get" + name + "Problem", ok("200", problem));
        Operation solve =
                add(kind, "/jobs/{id}/solution", HttpMethod.GET, "get" + name + "Solution", ok("200", solution));
        declare(solve, "409");
        Operation why = add(
                kind, "/jobs/{id}/explanation", HttpMethod.GET, "get" + name + "Explanation", ok("200", explanation));
        declare(why, "409");
        add(kind, "/jobs/{id}/events", HttpMethod.GET, "stream" + name + "Events", JobEventsDoc.ok());
        Schema<?> archive = archive(name, problem, solution);
        Operation export = add(kind, "/jobs/{id}/archive", HttpMethod.GET, "export" + name + "Job", ok("200", archive));
        declare(export, "409");
        Operation imported = add(kind, "/jobs/import", HttpMethod.POST, "import" + name + "Job", ok("201", job));
        if (imported != null) {
            imported.setRequestBody(new RequestBody()
                    .required(true)
                    .description("A job archive of kind '" + kind.name() + "', as the archive endpoint answers")
                    .content(json(archive)));
            declare(imported, "422", "429");
        }
        Operation validate =
                add(kind, "/validate", HttpMethod.POST, "validate" + name, ok("200", ref("ValidationReport")));
        body(validate, kind, problem);
        declare(validate, "503");
    }

    /** The kind's operation made from the generic one, or {@code null} where there is no generic one. */
    private Operation add(
            ProblemKind<?, ?> kind, String suffix, HttpMethod method, String operationId, ApiResponses responses) {
        PathItem template = generic.get(BASE + suffix);
        Operation generic =
                template == null ? null : template.readOperationsMap().get(method);
        if (generic == null) {
            return null;
        }
        List<Parameter> parameters = generic.getParameters() == null
                ? null
                : generic.getParameters().stream()
                        .filter(p -> !"kind".equals(p.getName()))
                        .toList();
        ApiResponse answer = responses.values().iterator().next();
        ApiResponse generated = generic.getResponses() == null
                ? null
                : generic.getResponses().get(responses.keySet().iterator().next());
        if (generated != null && answer.getDescription() == null) {
            answer.setDescription(generated.getDescription());
            answer.setHeaders(generated.getHeaders());
        }
        Operation operation = new Operation()
                .operationId(operationId)
                .summary(generic.getSummary())
                .description(generic.getDescription())
                .addTagsItem(kind.name())
                .parameters(parameters == null || parameters.isEmpty() ? null : new java.util.ArrayList<>(parameters))
                .responses(responses);
        String path = "/api/v1/" + kind.name() + suffix;
        openApi.getPaths().computeIfAbsent(path, p -> new PathItem()).operation(method, operation);
        return operation;
    }

    /** The job archive with the kind's own problem and solution types, as {@code <Kind>JobArchive}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private Schema<?> archive(String name, Schema<?> problem, Schema<?> solution) {
        schemas.refTo(dev.computeplan.jobs.JobArchive.class);
        Schema<?> generic = schemas.named("JobArchive");
        if (generic == null || generic.getProperties() == null) {
            return ref("JobArchive");
        }
        Map<String, Schema> properties = new LinkedHashMap<>(generic.getProperties());
        properties.put("problem", problem);
        properties.put("solution", solution);
        Schema typed = SpecSchemas.typed("object").description(generic.getDescription());
        typed.setProperties(properties);
        schemas.add(name + "JobArchive", typed);
        return ref(name + "JobArchive");
    }

    private static void body(Operation operation, ProblemKind<?, ?> kind, Schema<?> problem) {
        if (operation != null) {
            operation.setRequestBody(new RequestBody()
                    .required(true)
                    .description("A problem of kind '" + kind.name() + "', with an optional termination")
                    .content(json(problem)));
        }
    }

    /** Errors beyond those the parameters and body imply (see {@link ProblemResponses#complete}). */
    private static void declare(Operation operation, String... codes) {
        if (operation != null) {
            ProblemResponses.declare(operation, codes);
        }
    }

    private static ApiResponses ok(String code, Schema<?> schema) {
        return new ApiResponses().addApiResponse(code, new ApiResponse().content(json(schema)));
    }

    /** The Server-Sent Events stream: its events are named, each with a JSON payload of its own schema. */
    static final class JobEventsDoc {

        private JobEventsDoc() {}

        static ApiResponses ok() {
            // binary, so that generated clients hand over the raw stream instead of parsing it as one JSON value
            Schema<?> stream = SpecSchemas.typed("string")
                    .format("binary")
                    .description("text/event-stream: 'event: best' with a BestEvent as data for each new best"
                            + " solution, 'event: status' with a StatusEvent as data for each state change; the"
                            + " stream ends after the final state");
            MediaType media = new MediaType().schema(stream);
            media.addExtension(
                    "x-sse-events",
                    Map.of(
                            "best", "#/components/schemas/BestEvent",
                            "status", "#/components/schemas/StatusEvent"));
            return new ApiResponses()
                    .addApiResponse(
                            "200",
                            new ApiResponse()
                                    .description("The job's events until it reaches a final state")
                                    .content(new Content()
                                            .addMediaType(
                                                    org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE,
                                                    media)));
        }
    }
}
