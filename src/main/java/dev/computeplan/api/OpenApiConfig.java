package dev.computeplan.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI computeplanOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("computeplan")
                        .version("v1")
                        .description(
                                "Solve-and-explain optimisation for AI compute: GPU placement, accelerator procurement, "
                                        + "power budgets. Errors are RFC 9457 application/problem+json.")
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                // A fixed relative server keeps the published spec independent of the port the service runs on.
                .servers(List.of(new Server().url("/").description("this service")));
    }
}
