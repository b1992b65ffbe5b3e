package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.jobs.CountdownKind;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.placement.api.PlacementPlan;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A kind the customizer has never seen gets typed operations of its own, from its {@code ProblemKind} alone. */
class KindSchemasCustomizerTest {

    private final OpenAPI openApi = genericJobApi();
    private final KindRegistry kinds = new KindRegistry(List.of(new CountdownKind()));
    private final SchemaNames names = new SchemaNames(kinds);

    /** As in the application, where springdoc registers the bean: the countdown problem is not named Problem. */
    @BeforeEach
    void registerNames() {
        ModelConverters.getInstance().addConverter(names);
    }

    @AfterEach
    void unregisterNames() {
        ModelConverters.getInstance().removeConverter(names);
    }

    @Test
    void aNewKindGetsItsOwnTypedOperationsAndTheGenericOnesGo() {
        customise();

        assertThat(openApi.getPaths().keySet()).noneMatch(p -> p.contains("{kind}"));
        Map<String, String> operations = new java.util.TreeMap<>();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, op) -> operations.put(method + " " + path, op.getOperationId())));
        assertThat(operations)
                .containsEntry("POST /api/v1/countdown/jobs", "submitCountdownJob")
                .containsEntry("GET /api/v1/countdown/jobs", "listCountdownJobs")
                .containsEntry("GET /api/v1/countdown/jobs/{id}", "getCountdownJob")
                .containsEntry("DELETE /api/v1/countdown/jobs/{id}", "stopCountdownJob")
                .containsEntry("GET /api/v1/countdown/jobs/{id}/problem", "getCountdownProblem")
                .containsEntry("GET /api/v1/countdown/jobs/{id}/solution", "getCountdownSolution")
                .containsEntry("GET /api/v1/countdown/jobs/{id}/explanation", "getCountdownExplanation")
                .containsEntry("GET /api/v1/countdown/jobs/{id}/events", "streamCountdownEvents")
                .containsEntry("POST /api/v1/countdown/validate", "validateCountdown");
        Operation submit = openApi.getPaths().get("/api/v1/countdown/jobs").getPost();
        assertThat(submit.getTags()).containsExactly("countdown");
        assertThat(submit.getParameters()).isNull();
        assertThat(openApi.getTags()).extracting(Tag::getName).containsExactly("countdown");
    }

    @Test
    void theBodyIsTheKindsProblemWithTerminationAndTheSolutionItsSolutionType() {
        customise();

        Schema<?> body = component(openApi.getPaths()
                .get("/api/v1/countdown/jobs")
                .getPost()
                .getRequestBody()
                .getContent()
                .get("application/json")
                .getSchema());
        assertThat(body.getProperties()).containsKeys("target", "stepMillis", "items", "termination");
        Schema<?> solution = component(success("/api/v1/countdown/jobs/{id}/solution", "200")
                .getContent()
                .get("application/json")
                .getSchema());
        assertThat(solution.getProperties()).containsOnlyKeys("reached", "warmStarted");
        assertThat(success("/api/v1/countdown/jobs/{id}/problem", "200")
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref())
                .isEqualTo(openApi.getPaths()
                        .get("/api/v1/countdown/jobs")
                        .getPost()
                        .getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref());
        assertThat(success("/api/v1/countdown/jobs", "202").getHeaders()).containsKey("Location");
        assertThat(success("/api/v1/countdown/jobs/{id}/events", "200").getContent())
                .containsOnlyKeys("text/event-stream");
    }

    @Test
    void everyErrorIsAProblemAndTheBusyAnswersSayWhenToRetry() {
        customise();

        ApiResponses submit =
                openApi.getPaths().get("/api/v1/countdown/jobs").getPost().getResponses();
        assertThat(submit).containsKeys("400", "413", "415", "422", "429", "500");
        assertThat(openApi.getPaths()
                        .get("/api/v1/countdown/jobs/{id}/solution")
                        .getGet()
                        .getResponses())
                .containsKeys("404", "409", "500");
        openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .flatMap(op -> op.getResponses().entrySet().stream())
                .filter(e -> e.getKey().startsWith("4") || e.getKey().startsWith("5"))
                .forEach(e -> assertThat(e.getValue()
                                .getContent()
                                .get("application/problem+json")
                                .getSchema()
                                .get$ref())
                        .as(e.getKey())
                        .isEqualTo("#/components/schemas/Problem"));
        assertThat(submit.get("429").getHeaders()).containsKey("Retry-After");
        assertThat(openApi.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void nestedRecordsAreNamedAfterTheirRecordAndKindTypesAfterTheirKind() {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(names);

        assertThat(converters.readAll(new AnnotatedType(PlacementPlan.class)).keySet())
                .contains("PlacementPlan", "PlacementPlanAssignment", "PlacementPlanSummary");
        assertThat(converters
                        .readAll(new AnnotatedType(CountdownKind.Problem.class))
                        .keySet())
                .containsExactlyInAnyOrder("CountdownProblem", "Item");
    }

    private void customise() {
        new KindSchemasCustomizer(kinds).customise(openApi);
    }

    private ApiResponse success(String path, String code) {
        return openApi.getPaths().get(path).readOperations().stream()
                .map(op -> op.getResponses().get(code))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
    }

    private Schema<?> component(Schema<?> ref) {
        String name = ref.get$ref().substring(ref.get$ref().lastIndexOf('/') + 1);
        return openApi.getComponents().getSchemas().get(name);
    }

    /** What springdoc makes of the generic job controller, in short. */
    private static OpenAPI genericJobApi() {
        Parameter kind = new Parameter().in("path").name("kind").required(true);
        Parameter id = new Parameter().in("path").name("id").required(true);
        Parameter page = new Parameter().in("query").name("page");
        Paths paths = new Paths();
        paths.addPathItem(
                "/api/v1/{kind}/jobs",
                new PathItem().post(operation("submit", "202", kind)).get(operation("list", "200", kind, page)));
        paths.addPathItem(
                "/api/v1/{kind}/jobs/{id}",
                new PathItem().get(operation("get", "200", kind, id)).delete(operation("stop", "200", kind, id)));
        for (String sub : List.of("problem", "solution", "explanation", "events")) {
            paths.addPathItem("/api/v1/{kind}/jobs/{id}/" + sub, new PathItem().get(operation(sub, "200", kind, id)));
        }
        paths.addPathItem("/api/v1/{kind}/validate", new PathItem().post(operation("validate", "200", kind)));
        return new OpenAPI()
                .paths(paths)
                .components(new Components())
                .tags(new java.util.ArrayList<>(List.of(new Tag().name("jobs"))));
    }

    private static Operation operation(String name, String code, Parameter... parameters) {
        ApiResponse ok = new ApiResponse().description("OK");
        if (code.equals("202")) {
            ok.addHeaderObject("Location", new io.swagger.v3.oas.models.headers.Header());
        }
        return new Operation()
                .operationId(name)
                .summary(name)
                .parameters(new java.util.ArrayList<>(List.of(parameters)))
                .responses(new ApiResponses().addApiResponse(code, ok));
    }
}
