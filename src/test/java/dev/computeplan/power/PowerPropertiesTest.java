package dev.computeplan.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.computeplan.power.api.PowerLimits;
import dev.computeplan.power.solver.PowerSolverSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** application.yml, an empty configuration and {@link PowerSolverSettings#defaults()} say the same. */
class PowerPropertiesTest {

    @Test
    void theYamlDefaultsAreTheSolverDefaults() throws Exception {
        var sources = new YamlPropertySourceLoader()
                .load("settings-power", new FileSystemResource(Path.of("src/main/resources/application.yml")));
        Binder binder = new Binder(ConfigurationPropertySources.from(sources));
        PowerProperties bound =
                binder.bind("computeplan.power", PowerProperties.class).get();
        assertEquals(PowerSolverSettings.defaults(), bound.solverSettings());
        assertEquals(PowerLimits.defaults(), bound.limits());
        assertNull(bound.carbonDir());
    }

    @Test
    void anEmptyConfigurationGivesTheDefaults() {
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource()));
        PowerProperties bound = binder.bindOrCreate("computeplan.power", PowerProperties.class);
        assertEquals(PowerProperties.defaults(), bound);
        assertEquals(PowerSolverSettings.defaults(), bound.solverSettings());
    }

    @Test
    void limitsAreSetInTheConfiguration() {
        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(
                java.util.Map.of("computeplan.power.limits.max-job-steps", "1000"))));
        PowerProperties bound = binder.bindOrCreate("computeplan.power", PowerProperties.class);
        PowerLimits d = PowerLimits.defaults();
        assertEquals(new PowerLimits(d.maxJobs(), d.maxSteps(), 1000), bound.limits());
    }
}
