package dev.computeplan.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per tenant on this replica (Bucket4j): past its burst a tenant gets {@code requestsPerMinute},
 * and a request beyond that is answered 429 with the seconds until the next token as Retry-After.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final SecurityProperties.Quotas quotas;
    private final ProblemWriter problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(SecurityProperties.Quotas quotas, ProblemWriter problems) {
        this.quotas = quotas;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof CallerAuthentication caller)) {
            chain.doFilter(request, response);
            return;
        }
        SecurityProperties.Limit limit = quotas.of(caller.tenant());
        if (limit.requestsPerMinute() <= 0) {
            chain.doFilter(request, response);
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(caller.tenant(), t -> bucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
                response,
                429,
                "Too many requests",
                "Tenant '" + caller.tenant() + "' may send " + limit.requestsPerMinute()
                        + " requests a minute; try again later.");
    }

    private static Bucket bucket(SecurityProperties.Limit limit) {
        long capacity = Math.max(1, limit.burst() > 0 ? limit.burst() : limit.requestsPerMinute());
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(limit.requestsPerMinute(), Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
