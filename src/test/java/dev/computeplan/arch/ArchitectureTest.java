package dev.computeplan.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package rules: features are independent, domain models are plain Java (they may name the plain
 * {@code jobs.Violation} record, nothing of Spring), and the shared machinery knows no feature.
 */
@AnalyzeClasses(packages = "dev.computeplan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOther = slices()
            .matching("dev.computeplan.(placement|procurement|power)..")
            .should().notDependOnEachOther()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule domainModelsAreFreeOfSpring = noClasses()
            .that().resideInAnyPackage("dev.computeplan.*.domain..", "dev.computeplan.*.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.computeplan.api..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule sharedMachineryKnowsNoFeature = noClasses()
            .that().resideInAnyPackage("dev.computeplan.jobs..", "dev.computeplan.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.computeplan.placement..",
                    "dev.computeplan.procurement..", "dev.computeplan.power..");
}
