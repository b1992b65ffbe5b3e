package dev.computeplan.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.computeplan.jobs.ProblemKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md. A kind is any package {@code dev.computeplan.X} whose root holds a
 * {@link ProblemKind}; a fourth kind is found and held to the same rules without touching this test.
 */
class ArchitectureTest {

    private static final String BASE = "dev.computeplan.";
    /** Shared packages every kind may use; they know no kind. */
    private static final List<String> SHARED = List.of("common", "jobs", "api", "security");
    /** The rooms a kind may have; {@code search} holds custom solver phases and moves. */
    private static final Set<String> ROOMS = Set.of("domain", "model", "solver", "search", "explain", "api");

    private static JavaClasses main;
    private static Set<String> kinds;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.computeplan");
        kinds = new TreeSet<>();
        for (JavaClass c : main) {
            if (!c.isInterface()
                    && c.isAssignableTo(ProblemKind.class)
                    && c.getPackageName().startsWith(BASE)
                    && c.getPackageName().indexOf('.', BASE.length()) < 0) {
                kinds.add(c.getPackageName().substring(BASE.length()));
            }
        }
    }

    @Test
    void theThreeKindsAreFoundByTheirProblemKindAtTheRoot() {
        assertThat(kinds).contains("placement", "procurement", "power");
    }

    @Test
    void kindsDoNotDependOnEachOther() {
        for (String kind : kinds) {
            for (String other : kinds) {
                if (!kind.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage(BASE + kind + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(BASE + other + "..")
                            .check(main);
                }
            }
        }
    }

    @Test
    void sharedPackagesKnowNoKindAndNoCommandLine() {
        for (String shared : SHARED) {
            for (String kind : kinds) {
                noClasses()
                        .that()
                        .resideInAPackage(BASE + shared + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(BASE + kind + "..")
                        .check(main);
            }
            noClasses()
                    .that()
                    .resideInAPackage(BASE + shared + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "cli..")
                    .check(main);
        }
    }

    @Test
    void commonDependsOnNothingElseOfTheProject() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "common..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.computeplan..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage(BASE + "common..")))
                .check(main);
    }

    @Test
    void noKindUsesTheCommandLine() {
        for (String kind : kinds) {
            noClasses()
                    .that()
                    .resideInAPackage(BASE + kind + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "cli..")
                    .check(main);
        }
    }

    @Test
    void everyKindHasOnlyTheKnownRooms() {
        for (String kind : kinds) {
            for (JavaClass c : main) {
                String pkg = c.getPackageName();
                if (pkg.startsWith(BASE + kind + ".")) {
                    String room = pkg.substring((BASE + kind + ".").length()).split("\\.")[0];
                    assertThat(ROOMS).as("room of %s", c.getName()).contains(room);
                }
            }
        }
    }

    /**
     * Inside a kind: the domain (or model) knows no other room; solver and search use the domain; explain adds the
     * solver; api (request records, validation, mapping, controller) may use all of these; only the kind's root
     * (its ProblemKind and settings) wires everything, and no room depends on the root.
     */
    @Test
    void roomsAreLayeredInsideEveryKind() {
        for (String kind : kinds) {
            String k = BASE + kind;
            layeredArchitecture()
                    .consideringOnlyDependenciesInAnyPackage(k + "..")
                    .withOptionalLayers(true)
                    // placement's independent checker reads the wire records it checks, so that it also catches
                    // a mapping mistake; nothing else in explain may use api
                    .ignoreDependency(
                            JavaClass.Predicates.resideInAPackage(k + ".explain.."),
                            JavaClass.Predicates.resideInAPackage(k + ".api..")
                                    .and(HasName.Predicates.nameMatching(".*\\.api\\.[A-Za-z]+(Request|Plan)(\\$.*)?")))
                    .layer("Root")
                    .definedBy(k)
                    .layer("Domain")
                    .definedBy(k + ".domain..", k + ".model..")
                    .layer("Solver")
                    .definedBy(k + ".solver..", k + ".search..")
                    .layer("Explain")
                    .definedBy(k + ".explain..")
                    .layer("Api")
                    .definedBy(k + ".api..")
                    .whereLayer("Root")
                    .mayNotBeAccessedByAnyLayer()
                    .whereLayer("Api")
                    .mayOnlyBeAccessedByLayers("Root")
                    .whereLayer("Explain")
                    .mayOnlyBeAccessedByLayers("Api", "Root")
                    .whereLayer("Solver")
                    .mayOnlyBeAccessedByLayers("Explain", "Api", "Root")
                    .check(main);
        }
    }

    @Test
    void modelsSolversAndExplanationsArePlainJava() {
        for (String kind : kinds) {
            String k = BASE + kind;
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            k + ".domain..", k + ".model..", k + ".solver..", k + ".search..", k + ".explain..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("org.springframework..", BASE + "jobs..", BASE + "api..", BASE + "cli..")
                    .check(main);
            noClasses()
                    .that()
                    .resideInAnyPackage(k + ".domain..", k + ".model..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage("com.google.ortools..")
                    .check(main);
        }
    }

    /** Exception: a custom value range must extend Timefold's countable value range base class. */
    @Test
    void timefoldInternalsOnlyInTheCustomSearch() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + "*.search..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("ai.timefold.solver.core.impl..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                                "ai.timefold.solver.core.impl.domain.valuerange.."))))
                .check(main);
    }

    @Test
    void everyKindHasItsKindClassAndSettingsAtTheRoot() {
        for (String kind : kinds) {
            String prefix = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            assertThat(main.contain(BASE + kind + "." + prefix + "Kind"))
                    .as(prefix + "Kind")
                    .isTrue();
            assertThat(main.contain(BASE + kind + "." + prefix + "Properties"))
                    .as(prefix + "Properties")
                    .isTrue();
        }
    }
}
