package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventRepository;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.security.Role;
import org.attendanceroutes.security.RoleTasksRoute;
import org.attendanceroutes.security.RoleTasksRoute.Started;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The referral step, run by the test route's "Refer to the local authority" service task
 * (src/test/resources/security/role-tasks.bpmn) once the managers' task is completed.
 */
@ApplicationTest
class ReferToLocalAuthorityTest {


    @Autowired
    TestSchools testSchools;
    @Autowired
    RoleTasksRoute route;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    Casework casework;

    @AfterEach
    void noUserAndTheRealTime() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aManagerCompletingTheReferralStepRefersTheCaseAndRecordsWhoDidIt() {
        Started started = route.start();
        Instant tuesdayMorning = ZonedDateTime.of(2026, 11, 17, 9, 30, 0, 0, ZoneId.of("Europe/London")).toInstant();
        ClockUtil.setCurrentTime(Date.from(tuesdayMorning));
        completeAsManager(route.taskOf(started, Role.ATTENDANCE_MANAGERS));

        InterventionCase referred = cases.findById(started.caseId()).orElseThrow();
        assertThat(referred.isReferred()).isTrue();
        assertThat(referred.getReferredOn()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(referred.getReferredTo()).isEqualTo("Warwickshire Attendance Service");
        assertThat(referrals(started)).singleElement().satisfies(event -> {
            assertThat(event.getPerformedBy()).isEqualTo("manager");
            assertThat(event.getSummary()).isEqualTo("Referred to Warwickshire Attendance Service");
            assertThat(event.getOccurredAt()).isEqualTo(tuesdayMorning);
        });
    }

    @Test
    void theLocalAuthorityThenReadsThatRouteInstanceAndNoOther() {
        Started referred = route.start();
        Started other = route.start();
        completeAsManager(route.taskOf(referred, Role.ATTENDANCE_MANAGERS));

        testSchools.signIn("la-officer");
        Set<String> both = Set.of(referred.processInstanceId(), other.processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(both).list())
                .extracting(ProcessInstance::getId).containsExactly(referred.processInstanceId());
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(both).list())
                .extracting(HistoricProcessInstance::getId).containsExactly(referred.processInstanceId());
        assertThat(tasks.createTaskQuery().processInstanceIdIn(both.toArray(String[]::new)).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("task_local-authority");
    }

    @Test
    void aRouteWithoutACaseStopsAtTheReferralWithAClearMessage() {
        Started started = route.start();
        runtime.removeVariable(started.processInstanceId(), "caseId");
        String managersTask = route.taskOf(started, Role.ATTENDANCE_MANAGERS);

        assertThatThrownBy(() -> completeAsManager(managersTask)).hasMessageStartingWith("this process has no case");
        assertThat(tasks.createTaskQuery().taskId(managersTask).count()).as("the task stays open").isOne();
        assertThat(referrals(started)).isEmpty();
    }

    @Test
    void aReferralWithoutANamedServiceIsToTheLocalAuthority() {
        Started started = route.start();
        casework.refer(started.caseId(), null, "system");
        assertThat(cases.findById(started.caseId()).orElseThrow().getReferredTo()).isNull();
        assertThat(referrals(started)).extracting(CaseEvent::getSummary).containsExactly("Referred to the local authority");
    }

    @Test
    void badReferralsAreRefusedAndWriteNothing() {
        Started started = route.start();
        assertThatThrownBy(() -> casework.refer(started.caseId(), "x".repeat(201), "manager"))
                .hasMessage("the service a case is referred to has at most 200 characters, not 201");
        assertThatThrownBy(() -> casework.refer(-1L, null, "manager")).hasMessage("no case with id -1");

        casework.close(started.caseId(), "attendance improved");
        assertThatThrownBy(() -> casework.refer(started.caseId(), null, "manager"))
                .hasMessageEndingWith("cannot refer to the local authority");

        assertThat(cases.findById(started.caseId()).orElseThrow().isReferred()).isFalse();
        assertThat(referrals(started)).isEmpty();
    }

    private List<CaseEvent> referrals(Started started) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(started.caseId()).stream()
                .filter(event -> event.getEventType() == CaseEventType.REFERRAL_MADE).toList();
    }

    private void completeAsManager(String taskId) {
        testSchools.signIn("manager");
        try {
            tasks.complete(taskId);
        } finally {
            identity.clearAuthentication();
        }
    }
}
