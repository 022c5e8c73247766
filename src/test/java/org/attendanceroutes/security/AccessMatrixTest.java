package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.security.RoleTasksRoute.Started;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may see and do what, through HTTP: each demo user (one per role, and the administrator
 * "demo") and an anonymous caller against each kind of call. A cell reads:
 * <ul>
 * <li>yes / no / login: the call is done / refused (403) / refused for want of a login (401);</li>
 * <li>own / all / none / referred: which tasks or route instances the caller sees: its own
 * group's, all, none, or only the one referred to the local authority.</li>
 * </ul>
 * The register import endpoint lives on another branch: there "yes" means the call passed
 * security (any status but 401 and 403); after the merge it answers for real.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String MATRIX = """
            user        tasks  complete-own  complete-other  cockpit  definitions  instances  history   import  calendar  letters  case  referred-case
            tutor       own    yes           no              no       no           none       none      no      no        yes      yes   yes
            teacher     own    yes           no              no       no           none       none      no      no        yes      yes   yes
            officer     own    yes           no              no       no           none       none      yes     yes       yes      yes   yes
            manager     own    yes           no              yes      yes          all        all       yes     yes       yes      yes   yes
            keyworker   own    yes           no              no       no           none       none      no      no        yes      yes   yes
            hoy         own    yes           no              no       no           none       none      no      no        yes      yes   yes
            senco       own    yes           no              no       no           none       none      no      no        yes      yes   yes
            slt         own    yes           no              yes      yes          all        all       no      no        yes      yes   yes
            la-officer  own    yes           no              no       no           referred   referred  no      no        no       no    yes
            demo        all    yes           yes             yes      yes          all        all       yes     yes       yes      yes   yes
            anonymous   login  login         login           login    login        login      login     login   login     login    login login
            """;

    static final String ANONYMOUS = "anonymous";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    RoleTasksRoute route;

    /** Referred to the local authority: its task waits, the managers' is done. */
    Started referred;
    /** Not referred: the local authority must not see it. */
    Started notReferred;
    Map<String, BiFunction<String, Role, String>> calls;
    String demoCalendar;

    @BeforeAll
    void startTwoRoutes() throws IOException {
        demoCalendar = new ClassPathResource("demo/calendar.csv").getContentAsString(StandardCharsets.UTF_8);
        referred = route.startReferred();
        notReferred = route.start();
        calls = new LinkedHashMap<>();
        calls.put("tasks", this::taskList);
        calls.put("complete-own", (user, role) -> completeTask(user, role, true));
        calls.put("complete-other", (user, role) -> completeTask(user, role, false));
        calls.put("cockpit", this::cockpitData);
        calls.put("definitions", this::definitions);
        calls.put("instances", (user, role) -> instances(user, "/process-instance"));
        calls.put("history", (user, role) -> instances(user, "/history/process-instance"));
        calls.put("import", (user, role) -> passesSecurity(exchange(user, HttpMethod.POST, "/api/register-marks",
                MediaType.TEXT_PLAIN, "upn,date,session,code")));
        calls.put("calendar", (user, role) -> done(exchange(user, HttpMethod.PUT,
                "/api/schools/" + RoleTasksRoute.URN + "/calendar", MediaType.valueOf("text/csv"), demoCalendar)));
        calls.put("letters", (user, role) -> {
            String ofCase = done(exchange(user, HttpMethod.GET, "/api/cases/" + notReferred.caseId() + "/letters", null, null));
            String printQueue = done(exchange(user, HttpMethod.GET, "/api/letters/print-queue", null, null));
            return ofCase.equals(printQueue) ? ofCase : "case letters " + ofCase + ", print queue " + printQueue;
        });
        calls.put("case", (user, role) -> done(exchange(user, HttpMethod.GET, "/api/cases/" + notReferred.caseId(), null, null)));
        calls.put("referred-case", (user, role) -> done(exchange(user, HttpMethod.GET, "/api/cases/" + referred.caseId(), null, null)));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryKindOfCall() {
        List<String[]> rows = MATRIX.lines().map(line -> line.trim().split("\\s+")).toList();
        String[] columns = rows.get(0);
        assertThat(Arrays.asList(columns).subList(1, columns.length)).containsExactlyElementsOf(calls.keySet());
        List<DynamicTest> cells = new ArrayList<>();
        for (String[] row : rows.subList(1, rows.size())) {
            String user = row[0];
            Role role = Arrays.stream(Role.values()).filter(r -> r.demoUserId().equals(user)).findFirst().orElse(null);
            for (int column = 1; column < columns.length; column++) {
                String call = columns[column];
                String expected = row[column];
                cells.add(DynamicTest.dynamicTest(user + " × " + call + " → " + expected,
                        () -> assertThat(calls.get(call).apply(user, role)).as(user + " × " + call).isEqualTo(expected)));
            }
        }
        return cells.stream();
    }

    private String taskList(String user, Role role) {
        ResponseEntity<JsonNode> response = exchangeJson(user, HttpMethod.GET, engineRest("/task?processInstanceIdIn="
                + referred.processInstanceId() + "," + notReferred.processInstanceId()));
        if (!response.getStatusCode().is2xxSuccessful()) {
            return status(response.getStatusCode().value());
        }
        Set<String> seen = new TreeSet<>();
        response.getBody().forEach(task -> seen.add(task.get("id").asText()));
        List<Task> all = tasks.createTaskQuery()
                .processInstanceIdIn(referred.processInstanceId(), notReferred.processInstanceId()).list();
        Set<String> own = all.stream().filter(task -> role != null && task.getTaskDefinitionKey().equals("task_" + role.groupId()))
                .map(Task::getId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> everything = all.stream().map(Task::getId).collect(Collectors.toCollection(TreeSet::new));
        return seen.equals(everything) ? "all" : seen.equals(own) && !own.isEmpty() ? "own" : seen.isEmpty() ? "none" : seen.toString();
    }

    /** Completes a task of the user's own group (the administrator: the tutors'), or of another group's, on a new route. */
    private String completeTask(String user, Role role, boolean own) {
        Started fresh = role == Role.LOCAL_AUTHORITY && own ? route.startReferred() : route.start();
        Role owner = own && role != null && role != Role.CAMUNDA_ADMIN ? role
                : role == Role.TUTORS ? Role.KEY_WORKERS : Role.TUTORS;
        String taskId = route.taskOf(fresh, owner);
        return done(exchange(user, HttpMethod.POST, engineRest("/task/" + taskId + "/complete"), MediaType.APPLICATION_JSON, "{}"));
    }

    /**
     * Cockpit: the login (which checks the Cockpit application grant), then Cockpit's own data
     * API, which shows only instances the user may read ("yes" when it shows the test routes).
     */
    private String cockpitData(String user, Role role) {
        WebappSession browser = new WebappSession(http.getRootUri(), engine.getName());
        if (role != null) {
            int login = browser.login("cockpit", user, "demo");
            if (login != 200) {
                return status(login);
            }
        }
        var count = browser.get("/camunda/api/cockpit/plugin/base/{engine}/process-instance/count?processDefinitionKey="
                + RoleTasksRoute.KEY);
        if (count.statusCode() != 200) {
            return status(count.statusCode());
        }
        return count.body().matches("\\{\"count\":([2-9]|\\d\\d+)}") ? "yes" : "sees " + count.body();
    }

    private String definitions(String user, Role role) {
        ResponseEntity<JsonNode> response = exchangeJson(user, HttpMethod.GET, engineRest("/process-definition?key=" + RoleTasksRoute.KEY));
        if (!response.getStatusCode().is2xxSuccessful()) {
            return status(response.getStatusCode().value());
        }
        return response.getBody().isEmpty() ? "no" : "yes";
    }

    private String instances(String user, String path) {
        ResponseEntity<JsonNode> response = exchangeJson(user, HttpMethod.GET, engineRest(path + "?processInstanceIds="
                + referred.processInstanceId() + "," + notReferred.processInstanceId()));
        if (!response.getStatusCode().is2xxSuccessful()) {
            return status(response.getStatusCode().value());
        }
        Set<String> seen = new TreeSet<>();
        response.getBody().forEach(instance -> seen.add(instance.get("id").asText()));
        if (seen.isEmpty()) {
            return "none";
        }
        if (seen.equals(Set.of(referred.processInstanceId()))) {
            return "referred";
        }
        return seen.equals(Set.of(referred.processInstanceId(), notReferred.processInstanceId())) ? "all" : seen.toString();
    }

    private String engineRest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    private TestRestTemplate as(String user) {
        return user.equals(ANONYMOUS) ? http : http.withBasicAuth(user, "demo");
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, MediaType type, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        return as(user).exchange(URI.create(http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<JsonNode> exchangeJson(String user, HttpMethod method, String path) {
        return as(user).exchange(URI.create(http.getRootUri() + path), method, HttpEntity.EMPTY, JsonNode.class);
    }

    private static String done(ResponseEntity<?> response) {
        return status(response.getStatusCode().value());
    }

    /** For endpoints not on this branch: through security means anything but 401 and 403. */
    private static String passesSecurity(ResponseEntity<?> response) {
        int status = response.getStatusCode().value();
        return status == 401 || status == 403 ? status(status) : "yes";
    }

    private static String status(int status) {
        return switch (status) {
            case 200, 204 -> "yes";
            case 401 -> "login";
            case 403 -> "no";
            default -> "status " + status;
        };
    }
}
