package dev.computeplan.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (by the servlet container or filters) also answer as problem+json. */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly rather than forwarded by the container: there is no error, so nothing is here.
        int status = code instanceof Integer i ? i : 404;
        status = statusOf((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION), status);
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u && u.length() > 200) {
            uri = u.substring(0, 200) + "…";
        }
        ProblemDetail pd = Problems.of(status, title, title + (uri == null ? "" : " for " + uri));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    /**
     * The status an exception thrown outside Spring MVC (by a filter) stands for: a body that cannot be read (a form
     * body that is not form-encoded) is the client's error, not the server's.
     */
    private static int statusOf(Throwable thrown, int status) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return 413;
            }
            if (t instanceof HttpMessageNotReadableException) {
                return 400;
            }
            if (t instanceof ErrorResponse response) {
                return response.getStatusCode().value();
            }
        }
        return status;
    }
}
