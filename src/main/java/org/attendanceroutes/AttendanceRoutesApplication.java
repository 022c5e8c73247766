package org.attendanceroutes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The application; the routes and forms it deploys are its process application, {@link ProcessApplication}. */
@SpringBootApplication
public class AttendanceRoutesApplication {

    /** Today, as every route, figure and letter sees it: the engine's clock. */
    @Bean
    Clock clock() {
        return new EngineClock(ZoneId.of("Europe/London"));
    }

    public static void main(String[] args) {
        SpringApplication.run(AttendanceRoutesApplication.class, args);
    }

    /** The application for a job run from the command line beside the server: no web server, no job executor. */
    public static SpringApplication withoutServer() {
        return withoutServer(new SpringApplication(AttendanceRoutesApplication.class));
    }

    /** {@code application} as a job run from the command line beside the server starts. */
    public static SpringApplication withoutServer(SpringApplication application) {
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("camunda.bpm.job-execution.enabled", "false",
                // the engine's REST API needs the web server
                "spring.autoconfigure.exclude", "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
        return application;
    }
}
