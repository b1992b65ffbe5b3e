package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.computeplan.jobs.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The OpenAPI spec the service serves must equal the published {@code docs/openapi.json}.
 * After an intended API change, regenerate it with {@code ./mvnw verify -Dopenapi.write=true} and commit the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDriftIT {

    private static final Path PUBLISHED = Path.of("docs/openapi.json");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("computeplan.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Test
    void servedSpecEqualsThePublishedOne() throws Exception {
        Http.Response served = new Http(port).get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode actual = mapper.readTree(served.body());
        String canonical = mapper.writeValueAsString(mapper.treeToValue(actual, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(PUBLISHED, canonical);
        }
        assertThat(Files.exists(PUBLISHED))
                .as("docs/openapi.json is missing; run ./mvnw verify -Dopenapi.write=true")
                .isTrue();
        JsonNode published = mapper.readTree(Files.readString(PUBLISHED));
        assertThat(actual)
                .as("The API changed: regenerate docs/openapi.json with ./mvnw verify -Dopenapi.write=true")
                .isEqualTo(published);
        assertThat(new Http(port).get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
