package dev.computeplan.procurement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The procurement domain is plain Java: no Spring, no job machinery, no solver library. */
@AnalyzeClasses(packages = "dev.computeplan.procurement", importOptions = ImportOption.DoNotIncludeTests.class)
class ProcurementArchitectureTest {

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("dev.computeplan.procurement.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.computeplan.jobs..",
                    "dev.computeplan.api..", "com.google.ortools..", "dev.computeplan.procurement.solver..",
                    "dev.computeplan.procurement.explain..", "dev.computeplan.procurement.api..");

    @ArchTest
    static final ArchRule solverAndExplanationsKnowNoSpring = noClasses()
            .that().resideInAnyPackage("dev.computeplan.procurement.solver..", "dev.computeplan.procurement.explain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.computeplan.jobs..");
}
