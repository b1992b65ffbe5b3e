package dev.computeplan.arch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every constraint of every Timefold {@link ConstraintProvider} has a {@code ConstraintVerifier} test: some test
 * source names it as {@code Provider::method}.
 */
class EveryConstraintIsTestedTest {

    @Test
    void everyConstraintMethodIsVerifiedByATest() throws Exception {
        String tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(p));
            }
            tests = all.toString();
        }
        List<String> untested = new ArrayList<>();
        int constraints = 0;
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.computeplan")) {
            if (!javaClass.isAssignableTo(ConstraintProvider.class) || javaClass.isInterface()) {
                continue;
            }
            Class<?> provider = javaClass.reflect();
            for (Method m : provider.getDeclaredMethods()) {
                if (m.getReturnType() == Constraint.class && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == ConstraintFactory.class) {
                    constraints++;
                    if (!tests.contains(provider.getSimpleName() + "::" + m.getName())) {
                        untested.add(provider.getSimpleName() + "::" + m.getName());
                    }
                }
            }
        }
        assertThat(untested).as("constraints without a ConstraintVerifier test (of %d)", constraints).isEmpty();
    }
}
