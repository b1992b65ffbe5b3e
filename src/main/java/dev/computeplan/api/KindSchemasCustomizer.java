package dev.computeplan.api;

import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemKind;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The job endpoints take a raw body because each kind reads its own type; this adds every kind's problem schema to
 * the spec and documents the submit and validate bodies as one of them.
 */
@Component
class KindSchemasCustomizer implements OpenApiCustomizer {

    private final KindRegistry kinds;

    KindSchemasCustomizer(KindRegistry kinds) {
        this.kinds = kinds;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        List<Schema> refs = new ArrayList<>();
        for (ProblemKind<?, ?> kind : kinds.all()) {
            ResolvedSchema resolved =
                    ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(kind.problemType()));
            if (resolved == null || resolved.schema == null) {
                continue;
            }
            Map<String, Schema> referenced = resolved.referencedSchemas;
            if (referenced != null) {
                referenced.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            }
            String name = kind.problemType().getSimpleName();
            Schema schema = resolved.schema;
            schema.setDescription("Problem of kind '" + kind.name() + "' (POST /api/v1/" + kind.name()
                    + "/jobs); add \"termination\": {\"seconds\": N} to set the time limit.");
            openApi.getComponents().addSchemas(name, schema);
            refs.add(new Schema<>().$ref("#/components/schemas/" + name));
        }
        if (refs.isEmpty() || openApi.getPaths() == null) {
            return;
        }
        Schema oneOf = new Schema<>().oneOf(refs);
        for (String path : List.of("/api/v1/{kind}/jobs", "/api/v1/{kind}/validate")) {
            PathItem item = openApi.getPaths().get(path);
            Operation post = item == null ? null : item.getPost();
            if (post != null) {
                post.setRequestBody(new RequestBody()
                        .required(true)
                        .description("The problem of the kind named in the path")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(oneOf))));
            }
        }
    }
}
