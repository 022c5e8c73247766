package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application as a newcomer meets it: it starts, migrates, and serves the webapps and REST API. */
@ApplicationTest
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
    void everyMigrationOfTheApplicationIsApplied() throws IOException {
        String vendor = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName())
                .toLowerCase().contains("postgres") ? "postgresql" : "h2";
        Set<String> shipped = new TreeSet<>();
        for (String folder : List.of("db/migration", "db/vendor/" + vendor)) {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/V*.sql")) {
                shipped.add(file.getFilename().substring(1, file.getFilename().indexOf("__")).replace('_', '.'));
            }
        }
        List<String> applied = jdbc.queryForList(
                "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null",
                String.class);
        assertThat(shipped).as("migrations shipped").isNotEmpty();
        assertThat(applied).as("migrations applied").containsExactlyInAnyOrderElementsOf(shipped);
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
