package org.attendanceroutes;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole application outside Spring's test context cache, without a web server (faster). */
public final class HeadlessApplication {

    private HeadlessApplication() {
    }

    /** Runs with these command-line arguments (they outrank the test profile that surefire sets). */
    public static ConfigurableApplicationContext run(List<String> environment, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--spring.main.web-application-type=none",
                "--spring.autoconfigure.exclude="
                        + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true"));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(AttendanceRoutesApplication.class)
                .properties(environment.toArray(String[]::new))
                .run(all.toArray(String[]::new));
    }
}
