package dev.computeplan.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * During a rolling update replicas of the previous release run against the schema the new one migrated, so every
 * migration is additive (docs/deploy.md, "Rolling updates"): new tables, indexes, nullable or defaulted columns. A
 * drop, rename, type change or new NOT NULL breaks the replicas still running; such a step belongs in a later release
 * and its script says so on a {@code -- contract:} line naming the release that stopped using what it removes.
 */
class MigrationRulesTest {

    private static final Path DIR = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
    private static final List<Pattern> BREAKING = List.of(
            Pattern.compile("\\bdrop\\s+(column|table)\\b"),
            Pattern.compile("\\brename\\b"),
            Pattern.compile("\\balter\\s+column\\s+\\S+\\s+(set\\s+data\\s+)?type\\b"),
            Pattern.compile("\\bset\\s+not\\s+null\\b"));
    private static final Pattern ADD_COLUMN = Pattern.compile("\\badd\\s+column\\b([^;]*)");

    @Test
    void everyMigrationKeepsThePreviousReleaseWorking() throws IOException {
        List<Path> scripts = scripts();
        assertThat(scripts).isNotEmpty();
        for (Path script : scripts) {
            String sql = withoutComments(Files.readString(script)).toLowerCase(Locale.ROOT);
            boolean contract = Files.readString(script).contains("-- contract:");
            for (Pattern breaking : BREAKING) {
                assertThat(contract || !breaking.matcher(sql).find())
                        .as("%s: '%s' breaks replicas of the previous release", script.getFileName(), breaking)
                        .isTrue();
            }
            var added = ADD_COLUMN.matcher(sql);
            while (added.find()) {
                String column = added.group(1);
                assertThat(!column.contains("not null") || column.contains("default"))
                        .as("%s: a NOT NULL column needs a DEFAULT: %s", script.getFileName(), column.trim())
                        .isTrue();
            }
        }
    }

    @Test
    void versionsAreNamedAndUnique() throws IOException {
        List<String> versions = scripts().stream()
                .map(p -> p.getFileName().toString())
                .peek(name -> assertThat(name).matches(NAME.pattern()))
                .map(name -> NAME.matcher(name).replaceFirst("$1"))
                .toList();
        assertThat(versions).doesNotHaveDuplicates();
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
