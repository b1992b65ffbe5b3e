package dev.computeplan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}. A bearer value that looks like a
 * JWT (three dot-separated parts) and matches no key is left to the resource server when one is configured.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

    private final ApiKeys keys;
    private final boolean jwtEnabled;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyFilter(ApiKeys keys, boolean jwtEnabled, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.jwtEnabled = jwtEnabled;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        String bearer = bearer(request);
        String key = header != null ? header.trim() : bearer;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CallerAuthentication> caller = keys.authenticate(key);
        if (caller.isPresent()) {
            SecurityContextHolder.getContext().setAuthentication(caller.get());
            chain.doFilter(request, response);
            return;
        }
        if (header == null && jwtEnabled && looksLikeJwt(key)) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("Refused an API key on {} {}", request.getMethod(), request.getRequestURI());
        SecurityContextHolder.clearContext();
        entryPoint.commence(request, response, new ProblemAuthenticationEntryPoint.InvalidApiKeyException());
    }

    static String bearer(HttpServletRequest request) {
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = auth.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }
}
