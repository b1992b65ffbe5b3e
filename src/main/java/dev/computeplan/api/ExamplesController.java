package dev.computeplan.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/examples")
// public: a client reads them before it has a key
@SecurityRequirements
@Tag(name = "examples", description = "Example scenarios: each is a complete request body for its kind's jobs endpoint")
class ExamplesController {

    private final ExampleCatalog catalog;

    ExamplesController(ExampleCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the example scenarios", operationId = "listExamples")
    @GetMapping
    List<ExampleCatalog.Example> list() {
        return catalog.list();
    }

    @Operation(summary = "One example scenario, as a request body", operationId = "getExample")
    @ApiResponse(
            responseCode = "200",
            description = "The problem of the example's kind, ready to submit",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/" + KindSchemasCustomizer.EXAMPLE_REQUEST)))
    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(@PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(catalog.body(name));
    }
}
