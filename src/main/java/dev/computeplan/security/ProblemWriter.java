package dev.computeplan.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.api.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** Writes 401, 403 and 429 from the filter chain as problem+json, like every error the controllers answer. */
final class ProblemWriter {

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), Problems.of(status, title, detail));
    }
}
