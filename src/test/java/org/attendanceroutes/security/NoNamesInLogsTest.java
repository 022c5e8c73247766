package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.security.RoleTasksRoute.Started;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * A run of route steps, API calls, refusals and a failing step leaves the pupil's and parent's
 * names, address and email out of the log (ids and UPNs are what logs carry).
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class NoNamesInLogsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RoleTasksRoute route;
    @Autowired
    RuntimeService runtime;

    @Test
    void routeStepsApiCallsAndRefusalsLogNoNamesAddressesOrEmails(CapturedOutput log) {
        Started started = route.start();
        String engineRest = "/engine-rest/engine/" + engine.getName();
        // the referral step, through the REST API as the manager
        assertThat(http.withBasicAuth("manager", "demo").postForEntity(engineRest + "/task/"
                + route.taskOf(started, Role.ATTENDANCE_MANAGERS) + "/complete", Map.of(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // refusals
        assertThat(http.withBasicAuth("tutor", "demo").postForEntity(engineRest + "/task/"
                + route.taskOf(started, Role.KEY_WORKERS) + "/complete", Map.of(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("tutor", "demo").postForEntity("/api/register-marks", "x", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // reads
        assertThat(http.withBasicAuth("la-officer", "demo").getForEntity("/api/cases?upn=" + started.upn(), String.class)
                .getBody()).contains(started.upn());
        assertThat(http.withBasicAuth("teacher", "demo").getForEntity(engineRest + "/task?processInstanceId="
                + started.processInstanceId(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // steps that fail, which the engine logs: a route that lost its case, and one for no pupil
        Started broken = route.start();
        runtime.removeVariable(broken.processInstanceId(), "caseId");
        assertThat(http.withBasicAuth("manager", "demo").postForEntity(engineRest + "/task/"
                + route.taskOf(broken, Role.ATTENDANCE_MANAGERS) + "/complete", Map.of(), String.class)
                .getStatusCode().is5xxServerError()).isTrue();
        assertThat(http.withBasicAuth("demo", "demo").postForEntity(engineRest + "/process-definition/key/"
                + RoleTasksRoute.KEY + "/start", Map.of("businessKey", "not-a-upn"), String.class)
                .getStatusCode().isError()).isTrue();

        assertThat(log.getAll())
                .as("the capture works: the refusal is logged by user id")
                .contains("refused user tutor POST /api/register-marks")
                .doesNotContain(RoleTasksRoute.PUPIL_FIRST_NAME, RoleTasksRoute.FAMILY_NAME,
                        RoleTasksRoute.PARENT_FIRST_NAME, RoleTasksRoute.PARENT_STREET, RoleTasksRoute.PARENT_EMAIL);
    }
}
