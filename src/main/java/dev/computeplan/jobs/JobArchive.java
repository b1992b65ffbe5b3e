package dev.computeplan.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A finished job's problem and solution as one document: what {@code GET /jobs/{id}/archive} answers and
 * {@code POST /jobs/import} takes back, on this service or another one.
 */
@Schema(description = "A finished job's problem and solution, to keep elsewhere or to import into another service")
public record JobArchive(
        @Schema(description = "Name and version of this document's format", example = JobArchive.FORMAT)
        String format,

        @Schema(description = "The problem kind; an import checks it against the URL's")
        String kind,

        @Schema(description = "The job's final state: COMPLETED or STOPPED")
        JobStatus status,

        @Schema(description = "The score (or objective) its solver reported")
        String score,

        String solverName,
        @Schema(description = "Seconds spent solving") double solvingSeconds,

        @Schema(description = "The exported job's id, for reference; an import gets a new one")
        String sourceJob,

        Instant finishedAt,

        @Schema(description = "The problem as submitted, with the termination it ran under")
        JsonNode problem,

        @Schema(description = "The final solution") JsonNode solution) {

    public static final String FORMAT = "computeplan-job-archive/1";
}
