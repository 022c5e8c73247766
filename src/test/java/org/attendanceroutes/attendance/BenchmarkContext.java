package org.attendanceroutes.attendance;

import org.attendanceroutes.AttendanceRoutesApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The application, without web server or job executor, on the benchmarks' own PostgreSQL database. */
final class BenchmarkContext {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/attendance_routes_bench";

    private BenchmarkContext() {
    }

    /** The database: the first argument, else BENCH_DATABASE_URL, else {@link #DEFAULT_URL} (user postgres). */
    static ConfigurableApplicationContext start(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("BENCH_DATABASE_URL", DEFAULT_URL);
        System.out.println("database: " + url);
        return AttendanceRoutesApplication.withoutServer().run("--spring.profiles.active=postgres",
                "--DATABASE_URL=" + url,
                "--DATABASE_USERNAME=" + System.getenv().getOrDefault("BENCH_DATABASE_USERNAME", "postgres"),
                "--ATTENDANCE_ADMIN_PASSWORD=benchmark",
                "--logging.level.root=WARN");
    }
}
