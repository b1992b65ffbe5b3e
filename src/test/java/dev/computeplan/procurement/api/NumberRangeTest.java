package dev.computeplan.procurement.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Numbers far beyond any real plan are refused with their paths, before they can make the MIP's objective infinite. */
class NumberRangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hugeNumbersAreNamedWithTheirPaths() throws Exception {
        List<Violation> out = new ArrayList<>();
        NumberRange.check(
                JSON.readTree("{\"catalogue\": [{\"purchaseUsd\": 1e308}], \"sites\": [{\"powerMw\": [1, -2e13]}]}"),
                "$",
                out);
        assertThat(out)
                .extracting(Violation::field)
                .containsExactly("$.catalogue[0].purchaseUsd", "$.sites[0].powerMw[1]");
    }

    @Test
    void theBoundItselfAndEveryExamplePass() throws Exception {
        List<Violation> out = new ArrayList<>();
        NumberRange.check(JSON.readTree("{\"budget\": 1e12, \"demand\": [0, 6000000.5]}"), "$", out);
        try (Stream<Path> files = Files.list(Path.of("problems/procurement"))) {
            for (Path file : files.toList()) {
                NumberRange.check(JSON.readTree(file.toFile()), "$", out);
            }
        }
        assertThat(out).isEmpty();
    }
}
