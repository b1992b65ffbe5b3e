package dev.computeplan.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.computeplan.jobs.CallerScope;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Tells the job machinery whose jobs the caller of each request may see; answers what the firewall refuses. Only a
 * web application has callers: the command line runs open. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration
class SecurityConfig {

    @Bean
    CallerScope callerScope(ApiSecurityChain chain, SecurityProperties props) {
        return new SecurityCallerScope(chain.open(), props.quotas());
    }

    /** What the firewall refuses (an unknown HTTP method, a path it will not route) is problem+json like the rest. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper mapper) {
        ProblemWriter problems = new ProblemWriter(mapper);
        return (request, response, e) -> problems.write(
                response, 400, "Bad request", "The request was refused before it reached the API: " + e.getMessage());
    }
}
