package org.attendanceroutes.attendance;

import org.attendanceroutes.AttendanceRoutesApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;

/**
 * A register import asked for on the command line ({@link RegisterImportCommand}) runs beside the
 * server, so the application then starts without a web server or job executor of its own. Told
 * here, through META-INF/spring.factories, rather than in the application's main method: the
 * features depend on the root package, never the root on a feature.
 */
public class RegisterImportRun implements SpringApplicationRunListener {

    public RegisterImportRun(SpringApplication application, String[] args) {
        if (RegisterImportCommand.requested(args)) {
            AttendanceRoutesApplication.withoutServer(application);
        }
    }
}
