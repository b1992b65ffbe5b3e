package dev.computeplan.api;

import dev.computeplan.jobs.JobEvents;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.jobs.Termination;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Completes the spec from the registered kinds: each kind's problem schema (with {@code termination}), its typed job
 * operations under its own paths and tag, the example bodies as one of the problems, and the error answers of every
 * operation. Everything comes from {@link ProblemKind}, so a new kind needs no change here.
 */
@Component
class KindSchemasCustomizer implements OpenApiCustomizer {

    /** The schema of an example body: the problem of one of the kinds. */
    static final String EXAMPLE_REQUEST = "ExampleRequest";

    private final KindRegistry kinds;

    KindSchemasCustomizer(KindRegistry kinds) {
        this.kinds = kinds;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI openApi) {
        SpecSchemas schemas = new SpecSchemas(openApi);
        Schema<?> termination = schemas.refTo(Termination.class);
        schemas.refTo(JobEvents.BestEvent.class);
        schemas.refTo(JobEvents.StatusEvent.class);
        KindOperations operations = new KindOperations(openApi, schemas);
        List<Schema> problems = new ArrayList<>();
        for (ProblemKind<?, ?> kind : kinds.all()) {
            Schema<?> problem = schemas.refTo(kind.problemType());
            Schema<?> named = schemas.named(refName(problem));
            if (named != null) {
                named.setDescription("Problem of kind '" + kind.name() + "' (POST /api/v1/" + kind.name()
                        + "/jobs); \"termination\": {\"seconds\": N} sets the time limit of its solve.");
                named.addProperty("termination", termination);
            }
            problems.add(problem);
            if (operations.served()) {
                operations.publish(kind, problem);
                tag(openApi, kind.name());
            }
        }
        if (!problems.isEmpty()) {
            schemas.add(EXAMPLE_REQUEST, new Schema<>().oneOf(problems).description("A problem of one of the kinds"));
        }
        if (openApi.getTags() != null) {
            openApi.getTags().removeIf(t -> "jobs".equals(t.getName()));
        }
        // last, so that no type that happens to be called Problem takes the name of the error schema
        ProblemResponses.define(schemas);
        ProblemResponses.complete(openApi);
        schemas.pruneUnreferenced();
    }

    private static String refName(Schema<?> ref) {
        String r = ref.get$ref();
        return r == null ? null : r.substring(r.lastIndexOf('/') + 1);
    }

    /** One tag per kind, holding its job operations and its own endpoints. */
    private static void tag(OpenAPI openApi, String kind) {
        String jobs =
                "Solve jobs of kind '" + kind + "': submit, follow, stop, solution, explanation, events, validate";
        Tag existing = openApi.getTags() == null
                ? null
                : openApi.getTags().stream()
                        .filter(t -> kind.equals(t.getName()))
                        .findFirst()
                        .orElse(null);
        if (existing == null) {
            openApi.addTagsItem(new Tag().name(kind).description(jobs));
        } else if (existing.getDescription() == null
                || !existing.getDescription().startsWith("Solve jobs")) {
            existing.setDescription(jobs + (existing.getDescription() == null ? "" : "; " + existing.getDescription()));
        }
    }
}
