package dev.computeplan.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.computeplan.common.ServiceBusyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A large request refused for lack of room is answered 503, as problem+json, with the Retry-After it carries. */
class ServiceBusyAnswerTest {

    @Test
    void busyIs503WithRetryAfterAsProblemJson() {
        ResponseEntity<ProblemDetail> answer =
                new ApiExceptionHandler().retryLater(new ServiceBusyException("try again shortly", 7));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getStatus()).isEqualTo(503);
        assertThat(answer.getBody().getDetail()).isEqualTo("try again shortly");
    }
}
