package dev.computeplan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 with a {@code WWW-Authenticate} challenge and 403, both as problem+json. A rejected JWT keeps the RFC 6750
 * error attributes Spring's bearer entry point puts in the challenge.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Bearer realm=\"computeplan\", ApiKey realm=\"computeplan\", header=\"X-API-Key\"";

    private final ProblemWriter problems;
    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
        bearer.setRealmName("computeplan");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (e instanceof OAuth2AuthenticationException) {
            bearer.commence(request, response, e);
            detail = "The bearer token was refused: " + e.getMessage();
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            detail = e instanceof InvalidApiKeyException
                    ? e.getMessage()
                    : "This endpoint needs an API key (X-API-Key or Authorization: Bearer) or a bearer token.";
        }
        problems.write(response, 401, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(response, 403, "Forbidden", "Your roles do not allow " + request.getMethod() + " here.");
    }

    /** A key was sent but matches none configured. */
    static final class InvalidApiKeyException extends AuthenticationException {
        InvalidApiKeyException() {
            super("The API key is not valid.");
        }
    }
}
