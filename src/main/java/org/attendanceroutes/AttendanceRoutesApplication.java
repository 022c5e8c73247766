package org.attendanceroutes;

import java.time.Clock;
import java.time.ZoneId;

import org.attendanceroutes.system.EngineClock;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The process application: routes in {@code processes/} and forms in {@code forms/} are deployed
 * from {@code META-INF/processes.xml}, so unchanged files create no new definition versions.
 */
@SpringBootApplication
@EnableProcessApplication("attendance-routes")
public class AttendanceRoutesApplication {

    /** Today, as every route, figure and letter sees it: the engine's clock. */
    @Bean
    Clock clock() {
        return new EngineClock(ZoneId.of("Europe/London"));
    }

    public static void main(String[] args) {
        SpringApplication.run(AttendanceRoutesApplication.class, args);
    }
}
