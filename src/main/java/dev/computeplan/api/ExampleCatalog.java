package dev.computeplan.api;

import dev.computeplan.common.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The example scenarios of {@code problems/KIND/NAME.json}, packaged in the jar. Each one is a complete request body
 * for {@code POST /api/v1/KIND/jobs}.
 */
@Component
public class ExampleCatalog {

    /** An example: its name (unique over all kinds), its kind, and where to fetch it. */
    public record Example(String name, String kind, String href, String submitTo) {}

    private final List<Example> examples = new ArrayList<>();
    private final java.util.Map<String, Resource> resources = new java.util.HashMap<>();

    public ExampleCatalog() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:problems/*/*.json");
        for (Resource r : found) {
            String url = r.getURL().toString();
            String[] parts = url.split("/");
            String kind = parts[parts.length - 2];
            String name = parts[parts.length - 1].replaceFirst("\\.json$", "");
            if (resources.putIfAbsent(name, r) == null) {
                examples.add(new Example(name, kind, "/api/v1/examples/" + name, "/api/v1/" + kind + "/jobs"));
            }
        }
        examples.sort(Comparator.comparing(Example::kind).thenComparing(Example::name));
    }

    public List<Example> list() {
        return List.copyOf(examples);
    }

    public String body(String name) {
        Resource r = resources.get(name);
        if (r == null) {
            throw new NotFoundException("No example named '" + name + "'.");
        }
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Example " + name + " cannot be read", e);
        }
    }
}
