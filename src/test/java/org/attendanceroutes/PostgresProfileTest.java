package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile has no default administrator and loads no demo anything. */
class PostgresProfileTest {

    /** The postgres profile alone, pointed at an in-memory database so this runs on any machine. */
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

            // production runs behind HTTPS: the webapps' cookies only over it, and browsers told to keep to it
            WebappProperty webapps = context.getBean(CamundaBpmProperties.class).getWebapp();
            assertThat(webapps.getSessionCookie().isEnableSecureCookie()).isTrue();
            assertThat(webapps.getCsrf().isEnableSecureCookie()).isTrue();
            assertThat(webapps.getHeaderSecurity().isHstsDisabled()).isFalse();
        }
    }
}
