package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.Violation;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every file in problems/KIND/ is a valid request body of a kind this build serves. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "computeplan.jobs.enabled=false",
            "spring.flyway.enabled=false",
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"
        })
class ExamplesAreValidTest {

    @Autowired
    KindRegistry kinds;

    @Autowired
    ProblemReader reader;

    @Test
    void everyExampleIsAValidRequestOfItsKind() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("problems"))) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            String kind = file.getParent().getFileName().toString();
            assertThat(kinds.find(kind)).as("%s: no kind named %s", file, kind).isPresent();
            List<Violation> problems = reader.problemsOf(kinds.get(kind), reader.parseTree(Files.readString(file)));
            assertThat(problems).as(file.toString()).isEmpty();
        }
    }
}
