package dev.computeplan.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.solver.PlacementSolverSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** The defaults of {@code computeplan.placement} in application.yml bind to exactly the solver's built-in defaults. */
class PlacementPropertiesTest {

    private static Path yaml() {
        return Path.of("src/main/resources/application.yml");
    }

    @Test
    void yamlDefaultsEqualTheSolverDefaults() throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("placement", new FileSystemResource(yaml()));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));

        PlacementProperties properties =
                binder.bind("computeplan.placement", PlacementProperties.class).get();

        assertThat(properties.solverSettings()).isEqualTo(PlacementSolverSettings.defaults());
    }
}
