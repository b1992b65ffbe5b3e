package dev.computeplan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.common.Violation;
import dev.computeplan.jobs.KindRegistry;
import dev.computeplan.jobs.ProblemKind;
import dev.computeplan.jobs.ProblemReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** What every command needs: the kinds, the same reader as the API, and file handling. */
@Component
class CliSupport {

    static final int INVALID_INPUT = 2;

    final KindRegistry kinds;
    final ProblemReader reader;
    final ObjectMapper mapper;

    CliSupport(KindRegistry kinds, ProblemReader reader, ObjectMapper mapper) {
        this.kinds = kinds;
        this.reader = reader;
        this.mapper = mapper;
    }

    ProblemKind<?, ?> kind(String name) {
        return kinds.get(name);
    }

    JsonNode readJson(Path file) throws IOException {
        return reader.parseTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    static void printViolations(PrintWriter err, String headline, List<Violation> violations) {
        err.println(headline);
        for (Violation v : violations) {
            err.println("  " + v.field() + ": " + v.message());
        }
        err.flush();
    }

    /** Runs a command body, turning the errors a user can cause into messages and exit codes. */
    static int guarded(PrintWriter err, Action action) {
        try {
            return action.run();
        } catch (InvalidInputException e) {
            printViolations(err, e.getMessage(), e.violations());
            return INVALID_INPUT;
        } catch (NotFoundException e) {
            err.println(e.getMessage());
            err.flush();
            return INVALID_INPUT;
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("No such file: " + e.getFile());
            err.flush();
            return INVALID_INPUT;
        } catch (Exception e) {
            err.println("Failed: " + e);
            err.flush();
            return 1;
        }
    }

    interface Action {
        int run() throws Exception;
    }
}
