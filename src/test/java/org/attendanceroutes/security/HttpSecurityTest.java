package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.security.RoleTasksRoute.Started;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Logins, the identity a call carries, and the webapps' own protections, through HTTP. */
@ApplicationTest
class HttpSecurityTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RoleTasksRoute route;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;

    static final String LOCKABLE = "wrong-password-test";

    @Test
    void anonymousCallersReachOnlyTheLoginPagesAndHealth() {
        for (String open : List.of("/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/",
                "/actuator/health")) {
            assertThat(http.getForEntity(open, String.class).getStatusCode()).as(open).isEqualTo(HttpStatus.OK);
        }
        String e = engine.getName();
        for (String closed : List.of("/engine-rest/engine", "/engine-rest/engine/" + e + "/task",
                "/engine-rest/engine/" + e + "/process-definition", "/engine-rest/task", "/api/cases?upn=x",
                "/api/anything-at-all", "/api", "/camunda/api/engine/engine/" + e + "/task",
                "/camunda/api/cockpit/plugin/base/" + e + "/process-instance/count",
                "/camunda/api/engine/engine/" + e + "/user")) {
            assertThat(http.getForEntity(closed, String.class).getStatusCode()).as(closed).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.getForEntity("/actuator", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theApisAskForBasicLoginAndRefuseWrongPasswordsAndUnknownUsers() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/cases/1", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
        assertThat(anonymous.getBody().get("detail").asText()).isEqualTo("log in with HTTP Basic authentication");
        // not a demo user: a wrong password locks the account a while, which would trip other tests
        if (identity.createUserQuery().userId(LOCKABLE).count() == 0) {
            User user = identity.newUser(LOCKABLE);
            user.setPassword("right-password");
            identity.saveUser(user);
        }
        for (TestRestTemplate wrong : List.of(http.withBasicAuth(LOCKABLE, "not-the-password"),
                http.withBasicAuth("nobody", "demo"))) {
            for (String path : List.of("/api/cases/1", "/engine-rest/engine/" + engine.getName() + "/task")) {
                ResponseEntity<JsonNode> refused = wrong.getForEntity(path, JsonNode.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(refused.getBody().get("detail").asText()).isEqualTo("unknown user or wrong password");
            }
        }
    }

    @Test
    void anApiControllerKnowsItsCallerAndTheEngineChecksAsThatCaller() {
        Started started = route.start();
        for (Role role : List.of(Role.TUTORS, Role.KEY_WORKERS, Role.ATTENDANCE_MANAGERS, Role.CAMUNDA_ADMIN)) {
            ResponseEntity<JsonNode> response = http.withBasicAuth(role.demoUserId(), "demo").getForEntity(
                    WhoAmIController.PATH + "?processInstanceId=" + started.processInstanceId(), JsonNode.class);
            assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.OK);
            JsonNode me = response.getBody();
            assertThat(me.get("principal").asText()).isEqualTo(role.demoUserId());
            assertThat(me.get("engineUser").asText()).isEqualTo(role.demoUserId());
            assertThat(me.get("engineGroups")).extracting(JsonNode::asText).containsExactly(role.groupId());
            assertThat(me.get("inTutors").asBoolean()).isEqualTo(role == Role.TUTORS);
            // 8 tasks, one per school role: a caller sees its own group's, the administrator all
            assertThat(me.get("visibleTasks").asLong()).as(role.demoUserId()).isEqualTo(role == Role.CAMUNDA_ADMIN ? 8 : 1);
        }
    }

    @Test
    void aPathSpelledAnotherWayIsRuledAsItself() {
        TestRestTemplate tutor = http.withBasicAuth("tutor", "demo");
        for (String path : List.of("/api/register%2Dmarks", "/api/./register-marks", "/api/cases/../register-marks",
                "/api//register-marks",
                "/api/schools/930001/%63alendar")) {
            ResponseEntity<String> refused = tutor.exchange(URI.create(http.getRootUri() + path),
                    path.contains("schools") ? HttpMethod.PUT : HttpMethod.POST, new HttpEntity<>("x"), String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theWebappsRefuseAModifyingCallWithoutTheirCsrfToken() {
        String tutorsTask = route.taskOf(route.start(), Role.TUTORS);
        WebappSession browser = new WebappSession(http.getRootUri(), engine.getName());
        assertThat(browser.login("tasklist", "tutor", "demo")).isEqualTo(200);

        HttpResponse<String> forged = browser.postEngine("/task/" + tutorsTask + "/claim", "{\"userId\":\"tutor\"}", false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue(WebappSession.CSRF_HEADER)).hasValue("Required");

        // the refusal ended the session: a genuine call needs a new login
        WebappSession again = new WebappSession(http.getRootUri(), engine.getName());
        assertThat(again.login("tasklist", "tutor", "demo")).isEqualTo(200);
        assertThat(again.postEngine("/task/" + tutorsTask + "/claim", "{\"userId\":\"tutor\"}", true).statusCode())
                .isEqualTo(204);
    }

    @Test
    void aLoginWithoutTheCsrfTokenIsRefused() {
        WebappSession browser = new WebappSession(http.getRootUri(), engine.getName());
        assertThat(browser.loginWithoutCsrfToken("tasklist", "tutor", "demo")).isEqualTo(403);
    }

    @Test
    void tasklistShowsATutorTheirFiltersAndOnlyTheirGroupsTasks() throws Exception {
        Started started = route.start();
        String tutorsTask = route.taskOf(started, Role.TUTORS);
        WebappSession browser = new WebappSession(http.getRootUri(), engine.getName());
        assertThat(browser.login("tasklist", "tutor", "demo")).isEqualTo(200);

        JsonNode filters = json.readTree(browser.getEngine("/filter?resourceType=Task").body());
        assertThat(filters).extracting(f -> f.get("name").asText())
                .containsExactlyInAnyOrder("My tasks", "My group's tasks (Tutors)", "Overdue (Tutors)");
        for (JsonNode filter : filters) {
            HttpResponse<String> list = browser.postEngine("/filter/" + filter.get("id").asText() + "/list", "{}", true);
            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode listed = json.readTree(list.body());
            // of the test route's tasks for every group, only the tutors' show (on PostgreSQL other
            // tests' tutors' tasks share the database)
            assertThat(listed).as(filter.get("name").asText())
                    .filteredOn(task -> task.get("processDefinitionId").asText().startsWith("security-role-tasks:"))
                    .allSatisfy(task -> assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("task_tutors"));
            if (!filter.get("name").asText().equals("My tasks")) {
                // the tutors' test task is due in 2020, so overdue too
                assertThat(listed).extracting(task -> task.get("id").asText()).contains(tutorsTask);
            }
        }

        JsonNode visible = json.readTree(browser.getEngine("/task?processInstanceId=" + started.processInstanceId()).body());
        assertThat(visible).extracting(task -> task.get("id").asText()).containsExactly(tutorsTask);
    }
}
