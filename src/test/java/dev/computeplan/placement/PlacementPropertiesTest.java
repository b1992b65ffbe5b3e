package dev.computeplan.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.placement.api.PlacementLimits;
import dev.computeplan.placement.solver.PlacementSolverSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
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
        assertThat(properties.limits()).isEqualTo(PlacementLimits.defaults());
    }

    @Test
    void anEmptyConfigurationGivesTheDefaultLimits() {
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource()));
        PlacementProperties bound = binder.bindOrCreate("computeplan.placement", PlacementProperties.class);
        assertThat(bound.limits()).isEqualTo(PlacementLimits.defaults());
    }

    @Test
    void limitsAreSetInTheConfiguration() {
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(
                java.util.Map.of("computeplan.placement.limits.max-workloads", "70"))));
        PlacementProperties bound = binder.bindOrCreate("computeplan.placement", PlacementProperties.class);
        assertThat(bound.limits())
                .isEqualTo(new PlacementLimits(PlacementLimits.defaults().maxNodes(), 70));
    }
}
