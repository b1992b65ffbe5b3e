package dev.computeplan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment that asks for access control (the postgres profile does) does not start open by accident: the
 * packaged service exits with the reason when it has neither API keys nor a JWT issuer.
 */
class OpenModeRefusalIT {

    @TempDir
    Path dataDir;

    @Test
    void withoutKeysOrIssuerTheServiceRefusesToStart() throws Exception {
        Path jar = Path.of("target/computeplan.jar");
        assertThat(jar).as("integration tests run after 'package'").exists();
        Path log = dataDir.resolve("service.log");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "--server.port=0",
                        "--computeplan.data-dir=" + dataDir,
                        "--computeplan.jobs.workers=1",
                        "--computeplan.security.require-access-control=true"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the service exits").isTrue();
            assertThat(p.exitValue()).isNotZero();
            assertThat(Files.readString(log))
                    .contains("Refusing to start without access control")
                    .contains("computeplan.security.allow-open");
        } finally {
            p.destroyForcibly();
        }
    }
}
