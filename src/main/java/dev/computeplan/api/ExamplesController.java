package dev.computeplan.api;

import io.swagger.v3.oas.annotations.Operation;
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
@Tag(name = "examples", description = "Example scenarios: each is a complete request body for its kind's jobs endpoint")
class ExamplesController {

    private final ExampleCatalog catalog;

    ExamplesController(ExampleCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "List the example scenarios")
    @GetMapping
    List<ExampleCatalog.Example> list() {
        return catalog.list();
    }

    @Operation(summary = "One example scenario, as a request body")
    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> get(@PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(catalog.body(name));
    }
}
