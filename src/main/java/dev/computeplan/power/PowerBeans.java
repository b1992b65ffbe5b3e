package dev.computeplan.power;

import dev.computeplan.power.model.CarbonSeries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The carbon series the service reads (bundled, or from the configured folder), for the power endpoints. */
@Configuration
class PowerBeans {

    @Bean
    CarbonSeries carbonSeries(PowerProperties properties) {
        return properties.carbonSeries();
    }
}
