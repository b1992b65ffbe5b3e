package dev.computeplan.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The service on a random port with small limits and the test-only countdown kind, for the job API suite. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "computeplan.jobs.workers=2",
            "computeplan.jobs.queue-capacity=3",
            "computeplan.jobs.poll-interval=100ms",
            "computeplan.jobs.best-save-interval=20ms",
            "computeplan.jobs.lease=3s",
            "computeplan.api.max-body-bytes=20000"
        })
@Import(TestKindConfig.class)
@interface JobApiTest {}
