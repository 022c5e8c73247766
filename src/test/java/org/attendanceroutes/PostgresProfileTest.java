package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile has no default administrator and loads no demo anything. */
class PostgresProfileTest {

    /**
     * The postgres profile alone (command-line arguments outrank the test profile that surefire
     * sets), pointed at an in-memory database so this runs on any machine.
     */
    private static ConfigurableApplicationContext runProduction(String... environment) {
        return new SpringApplicationBuilder(AttendanceRoutesApplication.class)
                .properties(environment)
                .run("--spring.profiles.active=postgres",
                        "--server.port=0",
                        "--DATABASE_URL=jdbc:h2:mem:production-profile-${random.uuid};DB_CLOSE_DELAY=-1",
                        "--DATABASE_USERNAME=sa",
                        "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.generate-unique-process-engine-name=true",
                        "--camunda.bpm.generate-unique-process-application-name=true");
    }

    @Test
    void refusesToStartWithoutAnAdministratorPasswordInTheEnvironment() {
        assertThatThrownBy(() -> runProduction().close())
                .hasStackTraceContaining("No administrator password: set the environment variable ATTENDANCE_ADMIN_PASSWORD");
    }

    @Test
    void startsWithAPasswordAndCreatesNoDemoUsersOrData() throws Exception {
        try (ConfigurableApplicationContext context = runProduction("ATTENDANCE_ADMIN_PASSWORD=s3cret-Admin")) {
            var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
            assertThat(identity.checkPassword("admin", "s3cret-Admin")).isTrue();
            assertThat(identity.createUserQuery().userId("demo").count()).isZero();
            assertThat(identity.createUserQuery().userId("tutor").count()).isZero();
            assertThat(identity.createGroupQuery().groupId("tutors").count()).isOne();
            Long schools = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from school", Long.class);
            assertThat(schools).isZero();
            assertWebappsKeepToHttps(context.getEnvironment().getProperty("local.server.port"));
        }
    }

    /** Production runs behind HTTPS: the webapps' cookies are Secure and browsers are told to keep to HTTPS. */
    private static void assertWebappsKeepToHttps(String port) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("XSRF-TOKEN="))
                .allSatisfy(cookie -> assertThat(cookie).containsPattern(";\\s*Secure\\b"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).startsWith("max-age="));
    }
}
