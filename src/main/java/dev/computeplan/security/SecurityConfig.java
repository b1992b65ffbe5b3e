package dev.computeplan.security;

import dev.computeplan.jobs.CallerScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the job machinery whose jobs the caller of each request may see. */
@Configuration
class SecurityConfig {

    @Bean
    CallerScope callerScope(ApiSecurityChain chain, SecurityProperties props) {
        return new SecurityCallerScope(chain.open(), props.quotas());
    }
}
