package dev.computeplan.placement;

import dev.computeplan.placement.solver.PlacementSolverSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML defaults of {@code computeplan.placement} bind to exactly the solver's built-in defaults. */
class PlacementPropertiesTest {

    /** The snippet beside the project until it is merged into the application's configuration. */
    private static Path yaml() {
        Path snippet = Path.of("settings-placement.yml");
        return Files.exists(snippet) ? snippet : Path.of("src/main/resources/application.yml");
    }

    @Test
    void yamlDefaultsEqualTheSolverDefaults() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("placement",
                new FileSystemResource(yaml()));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        PlacementProperties properties = binder.bind("computeplan.placement", PlacementProperties.class).get();

        assertThat(properties.solverSettings()).isEqualTo(PlacementSolverSettings.defaults());
    }
}
