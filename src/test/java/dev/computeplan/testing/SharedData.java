package dev.computeplan.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference data sets beside the project ({@code ../shared/data}, or {@code COMPUTEPLAN_SHARED_DATA}). The
 * service never reads them; tests and benchmarks that need one call {@link #require}: without the data such a test
 * is reported as skipped, and under {@code CI=true} it fails, so that a CI run cannot pass without them.
 */
public final class SharedData {

    private SharedData() {}

    /** The data root, whether or not it exists. */
    public static Path root() {
        String configured = System.getenv("COMPUTEPLAN_SHARED_DATA");
        return Path.of(configured != null && !configured.isBlank() ? configured : "../shared/data");
    }

    /** {@code relative} under the data root; skips the calling test (fails it under CI) when it is missing. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String message = "shared data set missing: " + path.toAbsolutePath().normalize();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the data must be there)");
            }
            Assumptions.abort(message);
        }
        return path;
    }

    public static boolean present(String relative) {
        return Files.exists(root().resolve(relative));
    }
}
