package dev.computeplan.api;

import com.fasterxml.jackson.databind.JavaType;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemKind;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Schema names that cannot collide across kinds. A kind's problem, solution and explanation types are named after the
 * kind ({@code Explanation} of procurement becomes {@code ProcurementExplanation}), and a type nested in a record is
 * named after that record ({@code PlacementPlan.Summary} becomes {@code PlacementPlanSummary}): the kinds reuse short
 * names such as {@code Summary} or {@code Assignment}, and two types under one name would document one of them wrongly.
 * Types nested in a controller or service keep their own name.
 */
@Component
class SchemaNames implements ModelConverter {

    private static final String PROJECT = "dev.computeplan.";

    private final Map<Class<?>, String> kindTypes = new HashMap<>();

    SchemaNames(KindRegistry kinds) {
        for (ProblemKind<?, ?> kind : kinds.all()) {
            String prefix = capitalised(kind.name());
            for (Class<?> type : new Class<?>[] {kind.problemType(), kind.solutionType(), kind.explanationType()}) {
                if (type.getName().startsWith(PROJECT)) {
                    String simple = type.getSimpleName();
                    kindTypes.put(type, simple.startsWith(prefix) ? simple : prefix + simple);
                }
            }
        }
    }

    static String capitalised(String kind) {
        return kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getName() == null && type.getType() != null) {
            String name = nameOf(Json.mapper().constructType(type.getType()));
            if (name != null) {
                type.name(name);
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    private String nameOf(JavaType javaType) {
        Class<?> raw = javaType.getRawClass();
        if (kindTypes.containsKey(raw)) {
            return kindTypes.get(raw);
        }
        if (raw.isEnum()
                || javaType.isContainerType()
                || !raw.getName().startsWith(PROJECT)
                || raw.getEnclosingClass() == null
                || !raw.getEnclosingClass().isRecord()
                || raw.isAnnotationPresent(io.swagger.v3.oas.annotations.media.Schema.class)) {
            return null;
        }
        Class<?> outer = raw.getEnclosingClass();
        String outerName = nameOf(Json.mapper().constructType(outer));
        return (outerName == null ? outer.getSimpleName() : outerName) + raw.getSimpleName();
    }
}
