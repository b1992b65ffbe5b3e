package dev.computeplan.api;

import dev.computeplan.common.ServiceBusyException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most a few large bodies be handled at once. A request takes a permit when its body is first read (at once
 * when Content-Length says it is large, else when the bytes read pass the size) and gives it back when the request
 * ends, so reading, parsing, binding and validating all happen under it. A request that waits too long is answered
 * 503 with Retry-After (by {@link ApiExceptionHandler}); small requests, such as health checks, never wait.
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LargeRequestGate extends OncePerRequestFilter {

    private final AdmissionProperties props;
    private final Semaphore permits;

    LargeRequestGate(AdmissionProperties props) {
        this.props = props;
        this.permits = new Semaphore(Math.max(1, props.maxConcurrentLargeRequests()), true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Gated gated = new Gated(request);
        try {
            chain.doFilter(gated, response);
        } finally {
            gated.release();
        }
    }

    /** Permits free now; for tests and metrics. */
    int available() {
        return permits.availablePermits();
    }

    private final class Gated extends HttpServletRequestWrapper {
        private boolean held;
        private ServletInputStream stream;

        Gated(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                if (getContentLengthLong() > props.largeRequestBytes()) {
                    acquire();
                }
                // a body of unknown length takes the permit once it passes the size
                stream = new CountingInputStream(super.getInputStream(), total -> {
                    if (total > props.largeRequestBytes()) {
                        acquire();
                    }
                });
            }
            return stream;
        }

        synchronized void acquire() {
            if (held) {
                return;
            }
            boolean got;
            try {
                got = permits.tryAcquire(props.largeRequestWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
            if (!got) {
                // the client is still sending: read the rest (into a small buffer) so that the answer reaches it
                // rather than a connection the server cut mid-upload
                discardBody();
                throw new ServiceBusyException(
                        "The service is handling " + props.maxConcurrentLargeRequests()
                                + " large requests already; try again shortly.",
                        Math.max(1, props.busyRetryAfter().toSeconds()));
            }
            held = true;
        }

        private void discardBody() {
            byte[] buffer = new byte[8192];
            try {
                ServletInputStream in = getRequest().getInputStream();
                while (in.read(buffer) >= 0) {
                    // discarded
                }
            } catch (IOException | RuntimeException e) {
                // the body is over its limit or the client went away: the answer is the same
            }
        }

        synchronized void release() {
            if (held) {
                held = false;
                permits.release();
            }
        }
    }
}
