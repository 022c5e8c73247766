package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calculator as BPMN service tasks call it, in a small test process with a gateway on its figures. */
@ApplicationTest
class CalculateAttendanceTest {

    static final String PROCESS = "calculate-attendance-test";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @Autowired
    TestSchools testSchools;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    JdbcTemplate jdbc;

    Pupil belowNinetyFive;
    Pupil fullAttendance;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().addClasspathResource("org/attendanceroutes/routes/" + PROCESS + ".bpmn").deploy();
        }
        School school = testSchools.school("910201");
        belowNinetyFive = testSchools.pupil(school, "910201000001", LocalDate.of(2026, 9, 1), null);
        testSchools.clearMarks(belowNinetyFive);
        testSchools.markEveryDay(belowNinetyFive, "2026-09-03", "2026-11-13", "/ \\");
        testSchools.recode(belowNinetyFive, "2026-09-03", "AM", "I");
        testSchools.recode(belowNinetyFive, "2026-09-03", "PM", "I");
        testSchools.marks(belowNinetyFive, "2026-11-16", "N N", "N .");
        fullAttendance = testSchools.pupil(school, "910201000002", LocalDate.of(2026, 9, 1), null);
        testSchools.clearMarks(fullAttendance);
        testSchools.markEveryDay(fullAttendance, "2026-09-03", "2026-11-17", "/ \\");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void writesTheDocumentedVariablesForThePupilOfTheBusinessKey() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, belowNinetyFive.getUpn());

        Map<String, Object> variables = runtime.getVariables(instance.getId());
        // the golden figures of AttendanceSummaryTest.yearToDateHalfTermsAndTheLastTenWeeks
        assertThat(variables).containsOnlyKeys("attendancePercent", "absencePercent", "halfTermAttendancePercent",
                        "previousHalfTermAttendancePercent", "possibleSessions", "unauthorisedSessions",
                        "unauthorisedLast10Weeks", "penaltyNoticeThresholdReached", "persistentAbsence", "severeAbsence",
                        "consecutiveDaysAbsent", "unexplainedSessionsLastDay", "weekdayPatternDay", "figuresDate")
                .containsEntry("attendancePercent", 94.8)
                .containsEntry("absencePercent", 5.2)
                .containsEntry("halfTermAttendancePercent", 87.0)
                .containsEntry("previousHalfTermAttendancePercent", 97.3)
                .containsEntry("possibleSessions", 97)
                .containsEntry("unauthorisedSessions", 3)
                .containsEntry("unauthorisedLast10Weeks", 3)
                .containsEntry("penaltyNoticeThresholdReached", false)
                .containsEntry("persistentAbsence", false)
                .containsEntry("severeAbsence", false)
                .containsEntry("consecutiveDaysAbsent", 2)
                .containsEntry("unexplainedSessionsLastDay", 1)
                .containsEntry("weekdayPatternDay", null)
                .containsEntry("figuresDate", "2026-11-17");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .as("94.8 %% is below 95 %%").isEqualTo("callParents");
    }

    @Test
    void theCaseDecidesWhosePupilItIs() {
        InterventionCase intervention = cases.findByPupilIdAndRouteKeyAndStatus(fullAttendance.getId(), PROCESS, CaseStatus.OPEN)
                .orElseGet(() -> cases.save(new InterventionCase(fullAttendance.getId(), PROCESS, TODAY)));

        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, belowNinetyFive.getUpn(),
                Map.of("caseId", intervention.getId()));

        assertThat(runtime.getVariable(instance.getId(), "attendancePercent")).isEqualTo(100.0);
        assertThat(runtime.getVariable(instance.getId(), "possibleSessions")).isEqualTo(98);
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("noConcern");
    }

    @Test
    void anUnknownPupilStopsTheProcessWithAClearMessage() {
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, "A910201999999"))
                .hasMessageContaining("no pupil with UPN A910201999999 (the business key)");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("caseId", -1L)))
                .hasMessageContaining("no intervention case -1 (process variable caseId)");
    }
}
