package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.attendanceroutes.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application as a newcomer meets it: it starts, migrates, and serves the webapps and REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;

    @Test
    void migrationsCreateTheApplicationTables() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from \"flyway_schema_history\" where \"success\" = true", Integer.class);
        assertThat(applied).isPositive();
        for (String table : List.of("school", "calendar_half_term", "calendar_closure", "pupil", "contact",
                "attendance_mark", "intervention_case", "case_event", "target")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isNotNull();
        }
    }

    @Test
    void everyRoleIsACamundaGroupWithItsDemoUser() {
        for (Role role : Role.values()) {
            assertThat(identity.createGroupQuery().groupId(role.groupId()).count()).as(role.groupId()).isOne();
            assertThat(identity.createUserQuery().userId(role.demoUserId()).memberOfGroup(role.groupId()).count())
                    .as(role.demoUserId()).isOne();
            assertThat(identity.checkPassword(role.demoUserId(), "demo")).as(role.demoUserId()).isTrue();
        }
    }

    @Test
    void tasklistCockpitAndHealthAnswerOverHttp() {
        // each test context has its own engine: address the webapps by this context's engine name
        assertThat(http.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/camunda/app/cockpit/" + engine.getName() + "/", String.class).getBody())
                .contains("Cockpit");
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
    }

    @Test
    void theEngineRestApiAnswers() {
        assertThat(http.withBasicAuth("demo", "demo").getForEntity("/engine-rest/engine", String.class).getBody())
                .contains(engine.getName());
    }

    @Test
    void everyDeployedDefinitionHasAHistoryTimeToLive() {
        List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().list();
        assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull());
    }
}
