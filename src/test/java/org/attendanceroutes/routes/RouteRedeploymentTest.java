package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An analyst's change reaches the running application: a route deployed from the Camunda Modeler
 * through the engine's REST API serves the next case while running cases stay on their version; a
 * file the engine cannot parse is refused and the version in service stays in service (the demo's
 * watched folders: demo.RedeployChangedFilesTest). Every deployment made here is removed afterwards, as
 * the PostgreSQL run shares one database between tests.
 */
@ApplicationTest
class RouteRedeploymentTest {

    static final String ROUTE = "attendance-improvement-process";
    static final String IMPROVED = "${halfTermAttendancePercent &gt;= 90}";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    PupilRepository pupils;
    @Autowired
    TestSchools schools;
    @Autowired
    RouteDriver driver;

    final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeDeploymentsAndResetClock() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        ClockUtil.reset();
    }

    @Test
    void aThresholdChangedInTheModelerAndDeployedThroughTheRestApiDecidesTheNextCase() throws IOException {
        School school = schools.school("930201", ROUTE, DemoCalendar.file());
        driver.clockAt(LocalDateTime.of(2026, 10, 23, 18, 0));
        ProcessInstance running = startCase(school);
        String inService = running.getProcessDefinitionId();

        // the analyst raises the bar for "improved over the half term" from 90 % to 93 % and deploys
        String changed = route().replace(IMPROVED, "${halfTermAttendancePercent &gt;= 93}");
        assertThat(changed).isNotEqualTo(route());
        ResponseEntity<JsonNode> deployed = deployFromTheModeler("attendance-improvement-process.bpmn", changed);
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        ProcessDefinition latest = latest();
        assertThat(latest.getId()).isNotEqualTo(inService);
        assertThat(deployed.getBody().at("/deployedProcessDefinitions/" + latest.getId() + "/version").asInt())
                .isEqualTo(latest.getVersion());

        ProcessInstance next = startCase(school);
        assertThat(next.getProcessDefinitionId()).as("the next case").isEqualTo(latest.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getProcessDefinitionId()).as("the running case").isEqualTo(inService);

        // both pupils attend 91.4 % of the next half term (6 of its 70 sessions missed)
        for (ProcessInstance instance : List.of(running, next)) {
            driver.register(pupilOf(instance), LocalDate.of(2026, 12, 18), 6, true);
            driver.fireTimer(instance.getId());
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(next.getId())
                .variableName("halfTermAttendancePercent").singleResult().getValue()).isEqualTo(91.4);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).singleResult()
                .getEndActivityId()).as("the old version: 90 % or more is improved").isEqualTo("end-improved");
        assertThat(passed(next)).as("the new version: below 93 % goes to stage 2")
                .contains("stage-2", "set-target-1", "letter-stage-2").doesNotContain("letter-improved");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(next.getId()).activityIdIn("target-1-over")
                .count()).isOne();
    }

    @Test
    void aMalformedRouteUploadedIsRefusedWithTheParsersMessageAndTheVersionInServiceStays() throws IOException {
        ProcessDefinition before = latest();
        String broken = route().replace("targetRef=\"stage-2\"", "targetRef=\"stage-two\"");

        ResponseEntity<JsonNode> refused = deployFromTheModeler("attendance-improvement-process.bpmn", broken);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("type").asText()).as("%s", refused.getBody()).isEqualTo("ParseException");
        assertThat(refused.getBody().get("message").asText()).contains("Could not parse BPMN process", "stage-two");
        assertThat(latest().getId()).as("the version in service").isEqualTo(before.getId());
        driver.clockAt(LocalDateTime.of(2026, 10, 23, 18, 0));
        ProcessInstance started = startCase(schools.school("930202", ROUTE, DemoCalendar.file()));
        assertThat(started.getProcessDefinitionId()).isEqualTo(before.getId());
    }

    @Test
    void onlyAnAdministratorMayDeploy() throws IOException {
        ProcessDefinition before = latest();
        String changed = route().replace(IMPROVED, "${halfTermAttendancePercent &gt;= 93}");

        ResponseEntity<JsonNode> refused = deployFromTheModeler("manager", "attendance-improvement-process.bpmn", changed);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(latest().getId()).isEqualTo(before.getId());
    }

    ResponseEntity<JsonNode> deployFromTheModeler(String fileName, String bpmn) {
        return deployFromTheModeler("demo", fileName, bpmn);
    }

    ResponseEntity<JsonNode> deployFromTheModeler(String user, String fileName, String bpmn) {
        // the fields the Camunda Modeler sends to <endpoint>/deployment/create
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "analyst change " + fileName);
        form.add("deployment-source", "Camunda Modeler");
        form.add("deploy-changed-only", "true");
        form.add(fileName, new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        // the Modeler's endpoint http://localhost:8080/engine-rest addresses the engine "default"; tests
        // name theirs, as each test context has an engine of its own
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, "demo").postForEntity("/engine-rest/engine/"
                + engine.getName() + "/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
        if (answer.getStatusCode().is2xxSuccessful()) {
            deployments.add(answer.getBody().get("id").asText());
        }
        return answer;
    }

    /** A case for a new pupil (UPN digits 9302...) at the school, its letter sent: waiting for the half term to end. */
    ProcessInstance startCase(School school) {
        String digits = "9302" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Pupil pupil = schools.pupil(school, digits, "Test", "Redeploy", LocalDate.of(2026, 9, 1));
        driver.register(pupil, LocalDate.of(2026, 10, 23), 10, true);
        ProcessInstance instance = runtime.startProcessInstanceByKey(ROUTE, pupil.getUpn());
        driver.runDueJobs(instance.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).activityIdIn("half-term-over")
                .count()).isOne();
        return instance;
    }

    Pupil pupilOf(ProcessInstance instance) {
        return pupils.findByUpn(instance.getBusinessKey()).orElseThrow();
    }

    List<String> passed(ProcessInstance instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list().stream()
                .map(activity -> activity.getActivityId()).toList();
    }

    ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ROUTE).latestVersion().singleResult();
    }

    static String route() throws IOException {
        return new ClassPathResource("processes/" + ROUTE + ".bpmn").getContentAsString(StandardCharsets.UTF_8);
    }
}
