package dev.computeplan.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

/** Adds Java types to the spec's components the way springdoc resolves controller types, and refers to them. */
final class SpecSchemas {

    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private final OpenAPI openApi;
    private final ModelConverters converters;

    SpecSchemas(OpenAPI openApi) {
        this.openApi = openApi;
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        this.converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
    }

    /** The type's schema in the components (with every schema it refers to), and a reference to it. */
    @SuppressWarnings("rawtypes")
    Schema<?> refTo(Class<?> type) {
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved == null || resolved.schema == null) {
            return typed("object");
        }
        if (resolved.referencedSchemas != null) {
            for (java.util.Map.Entry<String, Schema> e : resolved.referencedSchemas.entrySet()) {
                openApi.getComponents().addSchemas(e.getKey(), e.getValue());
            }
        }
        return resolved.schema;
    }

    /** A component schema by name, or {@code null}. */
    Schema<?> named(String name) {
        return openApi.getComponents().getSchemas() == null
                ? null
                : openApi.getComponents().getSchemas().get(name);
    }

    void add(String name, Schema<?> schema) {
        openApi.getComponents().addSchemas(name, schema);
    }

    /**
     * Removes the component schemas nothing refers to any more, such as the type springdoc saw in the signature of
     * the generic event stream.
     */
    void pruneUnreferenced() {
        java.util.Map<String, Schema> all = openApi.getComponents().getSchemas();
        boolean removed = all != null;
        while (removed) {
            String text;
            try {
                text = io.swagger.v3.core.util.Json.mapper().writeValueAsString(openApi);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("the OpenAPI document cannot be written", e);
            }
            removed = all.keySet().removeIf(name -> !text.contains("#/components/schemas/" + name + "\""));
        }
    }

    /** A schema of a JSON type, written as {@code type} in both OpenAPI 3.0 and 3.1 documents. */
    static Schema<?> typed(String type) {
        Schema<?> schema = new Schema<>().type(type);
        schema.setTypes(new java.util.LinkedHashSet<>(java.util.List.of(type)));
        return schema;
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static Content json(Schema<?> schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }
}
