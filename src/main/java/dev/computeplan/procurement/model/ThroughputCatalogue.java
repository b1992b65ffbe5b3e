package dev.computeplan.procurement.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-accelerator throughput by SKU, workload class and precision, each row measured or derived with its source. The
 * embedded catalogue ships in the jar ({@code procurement/throughput-catalogue.json}); a request may override rows.
 */
public record ThroughputCatalogue(List<WorkloadClass> classes, List<CatalogueRow> rows) {

    private static final String RESOURCE = "/procurement/throughput-catalogue.json";

    public ThroughputCatalogue {
        classes = classes == null ? List.of() : List.copyOf(classes);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The catalogue that ships with the service. */
    public static ThroughputCatalogue embedded() {
        return Embedded.CATALOGUE;
    }

    /** This catalogue with each override replacing the row of the same SKU, class and precision (or added). */
    public ThroughputCatalogue withOverrides(List<CatalogueRow> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        List<CatalogueRow> merged = new ArrayList<>(rows);
        merged.removeIf(r -> overrides.stream().anyMatch(r::sameKey));
        merged.addAll(overrides);
        return new ThroughputCatalogue(classes, merged);
    }

    public WorkloadClass workloadClass(String name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public List<CatalogueRow> rows(String workloadClass) {
        return rows.stream()
                .filter(r -> r.workloadClass().equals(workloadClass))
                .toList();
    }

    private static final class Embedded {
        static final ThroughputCatalogue CATALOGUE = load();

        private static ThroughputCatalogue load() {
            try (InputStream in = ThroughputCatalogue.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return new ObjectMapper().readValue(in, ThroughputCatalogue.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
