package dev.computeplan.api;

import dev.computeplan.common.ConflictException;
import dev.computeplan.common.InvalidInputException;
import dev.computeplan.common.NotFoundException;
import dev.computeplan.common.RetryLaterException;
import dev.computeplan.common.Violation;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 {@code application/problem+json}; field errors as {@code errors: [{field, message}]}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        String title = e.status() == 400 ? "Unreadable input" : "Invalid input";
        return respond(Problems.withErrors(e.status(), title, e.getMessage(), e.violations()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(404, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return respond(Problems.of(409, "Conflict", e.getMessage()));
    }

    @ExceptionHandler(RetryLaterException.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLaterException e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(e.status(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(Problems.of(413, "Payload too large", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        List<Violation> errors = e.getConstraintViolations().stream()
                .map(v -> new Violation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.withErrors(400, "Invalid parameter", "A request parameter is out of range.", errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.withErrors(
                400,
                "Invalid parameter",
                "A request parameter has the wrong type.",
                List.of(new Violation(e.getName(), "cannot read '" + e.getValue() + "'"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(Problems.of(500, "Internal error", "The service failed on this request; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof PayloadTooLargeException tooLarge) {
            return new ResponseEntity<>(
                    Problems.of(413, "Payload too large", tooLarge.getMessage()), problemHeaders(), 413);
        }
        ProblemDetail pd = Problems.withErrors(
                400,
                "Unreadable input",
                "The request body cannot be read.",
                List.of(new Violation("$", "a JSON body is required")));
        return new ResponseEntity<>(pd, problemHeaders(), 400);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new Violation(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return new ResponseEntity<>(
                Problems.withErrors(400, "Invalid parameter", "A request parameter is out of range.", errors),
                problemHeaders(),
                400);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders merged = new HttpHeaders();
        if (headers != null) {
            merged.putAll(headers);
        }
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, merged, statusCode, request);
        // Spring's own problems (405, 415, ...) get a type of ours, like every other error
        if (response != null
                && response.getBody() instanceof ProblemDetail pd
                && ABOUT_BLANK.equals(pd.getType())
                && pd.getTitle() != null) {
            pd.setType(Problems.of(pd.getStatus(), pd.getTitle(), "").getType());
        }
        return response;
    }

    private static final java.net.URI ABOUT_BLANK = java.net.URI.create("about:blank");

    private static HttpHeaders problemHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return h;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail pd) {
        return ResponseEntity.status(pd.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(pd);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
