package dev.computeplan.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Component;

/**
 * The one filter chain, a component so that web slice tests ({@code @WebMvcTest}) run with it too: open when neither API keys nor a JWT issuer are configured (a loud warning, and a refusal when
 * {@code require-access-control} is set without {@code allow-open}); otherwise every {@code /api/**} call needs a key
 * or a token, reads need any role, writes need planner, scheduler or admin. The UI, the health probes and the API
 * description stay public so that a client can find out how to authenticate.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Component
@EnableConfigurationProperties(SecurityProperties.class)
class ApiSecurityChain implements SecurityFilterChain {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityChain.class);
    private static final String[] PUBLIC = {
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/api/v1/examples",
        "/api/v1/examples/**",
        "/error"
    };

    private final SecurityProperties props;
    private final ApiKeys keys;
    private final JwtDecoder jwtDecoder;
    private final SecurityFilterChain chain;

    ApiSecurityChain(
            HttpSecurity http, SecurityProperties props, ObjectProvider<JwtDecoder> jwtDecoder, ObjectMapper mapper)
            throws Exception {
        this.props = props;
        this.keys = new ApiKeys(props.apiKeys());
        this.jwtDecoder = jwtDecoder.getIfAvailable();
        this.chain = build(http, mapper);
    }

    boolean open() {
        return keys.isEmpty() && jwtDecoder == null;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return chain.matches(request);
    }

    @Override
    public List<Filter> getFilters() {
        return chain.getFilters();
    }

    private SecurityFilterChain build(HttpSecurity http, ObjectMapper mapper) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (open()) {
            refuseOrWarnOpen();
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }
        ProblemWriter problems = new ProblemWriter(mapper);
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        String[] readers = Role.names(Role.values());
        String[] writers = Role.names(Role.PLANNER, Role.SCHEDULER, Role.ADMIN);
        http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(readers)
                        .requestMatchers(HttpMethod.POST, "/api/v1/*/validate")
                        .hasAnyRole(readers)
                        .requestMatchers("/api/**")
                        .hasAnyRole(writers)
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        // the UI's static files: it asks for a key itself before calling the API
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
                .addFilterBefore(
                        new ApiKeyFilter(keys, jwtDecoder != null, entryPoint), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(props.quotas(), problems), AuthorizationFilter.class);
        if (jwtDecoder != null) {
            http.oauth2ResourceServer(o -> o.bearerTokenResolver(unlessAuthenticated())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(entryPoint)
                    .jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(new JwtCallerConverter(props.jwt()))));
        }
        log.info(
                "Access control on: {} API key(s){}",
                props.apiKeys().size(),
                jwtDecoder != null ? " and JWT bearer tokens" : "");
        return http.build();
    }

    private void refuseOrWarnOpen() {
        if (props.requireAccessControl() && !props.allowOpen()) {
            throw new IllegalStateException("Refusing to start without access control: configure "
                    + "computeplan.security.api-keys or spring.security.oauth2.resourceserver.jwt.*, "
                    + "or set computeplan.security.allow-open=true to run open on purpose.");
        }
        log.warn("**************************************************************************************");
        log.warn("ACCESS CONTROL IS OFF: any caller can read, stop and delete every job. Configure");
        log.warn("computeplan.security.api-keys or a JWT issuer before exposing this service to a network.");
        log.warn("**************************************************************************************");
    }

    /** A request an API key authenticated already is not read again as a JWT. */
    private static BearerTokenResolver unlessAuthenticated() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication
                ? null
                : resolver.resolve(request);
    }
}
