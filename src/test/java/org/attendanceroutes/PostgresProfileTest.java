package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile has no default administrator and loads no demo anything. */
class PostgresProfileTest {

    /**
     * The postgres profile alone, pointed at an in-memory database so this runs on any machine;
     * without a web server, so that no closed web context is left behind for later tests.
     */
    private static ConfigurableApplicationContext runProduction(String... environment) {
        return HeadlessApplication.run(List.of(environment), "--spring.profiles.active=postgres",
                "--DATABASE_URL=jdbc:h2:mem:production-profile-${random.uuid};DB_CLOSE_DELAY=-1",
                "--DATABASE_USERNAME=sa");
    }

    @Test
    void refusesToStartWithoutAnAdministratorPasswordInTheEnvironment() {
        assertThatThrownBy(() -> runProduction().close())
                .hasStackTraceContaining("No administrator password: set the environment variable ATTENDANCE_ADMIN_PASSWORD");
    }

    @Test
    void startsWithAPasswordAndCreatesNoDemoUsersOrData() {
        try (ConfigurableApplicationContext context = runProduction("ATTENDANCE_ADMIN_PASSWORD=s3cret-Admin")) {
            var identity = context.getBean(org.camunda.bpm.engine.IdentityService.class);
            assertThat(identity.checkPassword("admin", "s3cret-Admin")).isTrue();
            assertThat(identity.createUserQuery().userId("demo").count()).isZero();
            assertThat(identity.createUserQuery().userId("tutor").count()).isZero();
            assertThat(identity.createGroupQuery().groupId("tutors").count()).isOne();
            Long schools = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from school", Long.class);
            assertThat(schools).isZero();
            assertWebappsKeepToHttps(context.getEnvironment());
        }
    }

    /** Production runs behind HTTPS: the webapps' cookies are Secure and browsers are told to keep to HTTPS. */
    private static void assertWebappsKeepToHttps(org.springframework.core.env.Environment production) {
        assertThat(production.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie", Boolean.class)).isTrue();
        assertThat(production.getProperty("camunda.bpm.webapp.header-security.hsts-disabled", Boolean.class)).isFalse();
    }
}
