package dev.computeplan.arch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodReference;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every constraint method of every Timefold {@link ConstraintProvider} is verified by a test: some compiled test class
 * that uses {@link ConstraintVerifier} holds a method reference {@code Provider::method} to it. Read from the
 * bytecode, so a name in a comment or a string does not count.
 */
class EveryConstraintIsTestedTest {

    @Test
    void everyConstraintMethodIsVerifiedByATest() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("dev.computeplan");
        Set<String> verified = new HashSet<>();
        for (JavaClass test : tests) {
            if (!usesConstraintVerifier(test)) {
                continue;
            }
            for (JavaMethodReference reference : test.getMethodReferencesFromSelf()) {
                verified.add(reference.getTargetOwner().getName() + "::" + reference.getName());
            }
        }
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.computeplan");
        Set<String> constraints = new TreeSet<>();
        Set<String> untested = new TreeSet<>();
        for (JavaClass javaClass : main) {
            if (!javaClass.isAssignableTo(ConstraintProvider.class)
                    || javaClass.isInterface()
                    || javaClass.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            // a provider may inherit rule methods (hard rules in a base class); a test names them on either class
            for (Class<?> c = javaClass.reflect(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.getReturnType() == Constraint.class
                            && m.getParameterCount() == 1
                            && m.getParameterTypes()[0] == ConstraintFactory.class) {
                        String onProvider = javaClass.getName() + "::" + m.getName();
                        constraints.add(onProvider);
                        if (!verified.contains(onProvider) && !verified.contains(c.getName() + "::" + m.getName())) {
                            untested.add(onProvider);
                        }
                    }
                }
            }
        }
        assertThat(constraints).as("constraint methods found").isNotEmpty();
        assertThat(untested)
                .as("constraints without a ConstraintVerifier test (of %d)", constraints.size())
                .isEmpty();
    }

    private static boolean usesConstraintVerifier(JavaClass test) {
        return test.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().isEquivalentTo(ConstraintVerifier.class));
    }
}
