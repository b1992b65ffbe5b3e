package dev.computeplan.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.time.LocalDateTime;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfig {

    /** What the service reads and writes for a local date-time: ISO 8601 without offset, seconds optional. */
    static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

    static final String API_KEY = "apiKey";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI computeplanOpenApi() {
        // a local date-time has no offset, so it is not an RFC 3339 date-time; documented as the string it is
        SpringDocUtils.getConfig()
                .replaceWithSchema(
                        LocalDateTime.class,
                        new Schema<String>()
                                .type("string")
                                .pattern(LOCAL_DATE_TIME)
                                .example("2026-06-01T00:00")
                                .description("local date-time, ISO 8601 without offset"));
        return new OpenAPI()
                .info(new Info()
                        .title("computeplan")
                        .version("v1")
                        .description(
                                "Solve-and-explain optimisation for AI compute: GPU placement, accelerator procurement, "
                                        + "power budgets. Errors are RFC 9457 application/problem+json.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                // either scheme; a service running open (the single-user default) asks for neither
                .components(new Components()
                        .addSecuritySchemes(
                                API_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-API-Key")
                                        .description("An API key bound to a tenant and roles"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A JWT from the identity provider (tenant and roles in claims), "
                                                + "or an API key")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                // A fixed relative server keeps the published spec independent of the port the service runs on.
                .servers(List.of(new Server().url("/").description("this service")));
    }
}
