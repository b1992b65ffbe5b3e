package dev.computeplan.cli;

import dev.computeplan.ComputeplanApplication;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The command line in the same jar as the service: the same problem kinds, reader and validation as the API,
 * but no web server, database or job queue.
 */
public final class Cli {

    private static final Set<String> COMMANDS =
            Set.of("solve", "validate", "explain", "kinds", "roadef", "help", "--help", "-h");

    private Cli() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        if (args[0].equals("roadef")) {
            // ROADEF files need no service beans: skip the Spring start-up.
            return dev.computeplan.roadef.RoadefMain.commandLine()
                    .execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        try (ConfigurableApplicationContext context = context()) {
            CommandLine cli = new CommandLine(new RootCommand(), new SpringFactory(context));
            return cli.execute(args);
        }
    }

    static ConfigurableApplicationContext context() {
        return new SpringApplicationBuilder(ComputeplanApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // As arguments, not default properties: these must win over application.yml.
                .run(
                        "--computeplan.jobs.enabled=false",
                        "--spring.flyway.enabled=false",
                        "--spring.autoconfigure.exclude="
                                + "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration,"
                                + "org.springframework.boot.autoconfigure.h2.H2ConsoleAutoConfiguration",
                        "--logging.level.root=WARN",
                        "--logging.level.dev.computeplan=WARN");
    }

    /** Lets picocli create commands with Spring beans injected through their constructors. */
    private record SpringFactory(ConfigurableApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return context.getAutowireCapableBeanFactory().createBean(cls);
            } catch (Exception e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
