package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.computeplan.common.ServiceBusyException;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Large bodies are read under a permit; small ones never wait; one that cannot get a permit in time is refused. */
class LargeRequestGateTest {

    private final LargeRequestGate gate =
            new LargeRequestGate(new AdmissionProperties(10, 1, Duration.ofMillis(50), Duration.ofSeconds(7)));

    @Test
    void aLargeBodyWaitsForAPermitAndIsRefusedWhenNoneFreesInTime() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch mayEnd = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> run(post(20, true), (req, res) -> {
            req.getInputStream().readAllBytes();
            reading.countDown();
            await(mayEnd);
        }));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.available()).isZero();

        assertThatThrownBy(() -> gate.doFilter(post(20, true), new MockHttpServletResponse(), readBody()))
                .isInstanceOf(ServiceBusyException.class)
                .satisfies(e -> assertThat(((ServiceBusyException) e).retryAfterSeconds())
                        .isEqualTo(7));
        // a body of unknown length takes the permit once it passes the size
        assertThatThrownBy(() -> gate.doFilter(post(20, false), new MockHttpServletResponse(), readBody()))
                .isInstanceOf(ServiceBusyException.class);
        // small bodies pass while the permit is held
        gate.doFilter(post(5, true), new MockHttpServletResponse(), readBody());
        gate.doFilter(post(5, false), new MockHttpServletResponse(), readBody());

        mayEnd.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(gate.available()).isEqualTo(1);
        gate.doFilter(post(20, true), new MockHttpServletResponse(), readBody());
        assertThat(gate.available()).isEqualTo(1);
    }

    private void run(MockHttpServletRequest request, FilterChain chain) {
        try {
            gate.doFilter(request, new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FilterChain readBody() {
        return (req, res) -> req.getInputStream().readAllBytes();
    }

    private static MockHttpServletRequest post(int bytes, boolean lengthKnown) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/power/validate") {
            @Override
            public long getContentLengthLong() {
                return lengthKnown ? super.getContentLengthLong() : -1;
            }
        };
        request.setContent(new byte[bytes]);
        return request;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
