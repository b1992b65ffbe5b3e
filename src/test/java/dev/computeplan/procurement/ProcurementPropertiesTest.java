package dev.computeplan.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.procurement.api.ProcurementLimits;
import dev.computeplan.procurement.solver.ProcurementSolverSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** The defaults in application.yml bind to exactly the solver's defaults. */
class ProcurementPropertiesTest {

    @Test
    void yamlDefaultsEqualTheSolverDefaults() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("settings", new FileSystemResource(Path.of("src/main/resources/application.yml")))
                .forEach(env.getPropertySources()::addFirst);
        ProcurementProperties bound = new Binder(ConfigurationPropertySources.get(env))
                .bind("computeplan.procurement", ProcurementProperties.class)
                .get();
        assertThat(bound.settings()).isEqualTo(ProcurementSolverSettings.defaults());
        assertThat(ProcurementProperties.defaults().settings()).isEqualTo(ProcurementSolverSettings.defaults());
        assertThat(bound.limits()).isEqualTo(ProcurementLimits.defaults());
    }

    @Test
    void absentPropertiesFallBackToTheSolverDefaults() {
        ProcurementProperties bound = new Binder(ConfigurationPropertySources.get(new StandardEnvironment()))
                .bindOrCreate("computeplan.procurement", ProcurementProperties.class);
        assertThat(bound.settings()).isEqualTo(ProcurementSolverSettings.defaults());
        assertThat(bound.limits()).isEqualTo(ProcurementLimits.defaults());
    }

    @Test
    void reSolveBudgetsComeFromTheProperties() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource(
                        "test",
                        java.util.Map.of(
                                "computeplan.procurement.budgets.binding-resolve", "3s",
                                "computeplan.procurement.budgets.min-variant", "750ms")));
        ProcurementProperties bound = new Binder(ConfigurationPropertySources.get(env))
                .bindOrCreate("computeplan.procurement", ProcurementProperties.class);
        assertThat(bound.settings().budgets().bindingResolve()).isEqualTo(java.time.Duration.ofSeconds(3));
        assertThat(bound.settings().budgets().minVariant()).isEqualTo(java.time.Duration.ofMillis(750));
        assertThat(bound.settings().budgets().bindingAnalysis()).isEqualTo(java.time.Duration.ofSeconds(20));
    }
}
