package dev.computeplan;

import dev.computeplan.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the HTTP service, or runs a CLI command when the first argument names one. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComputeplanApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(ComputeplanApplication.class, args);
    }
}
