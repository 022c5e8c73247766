package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventRepository;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The universal tier of seeds/001 for a class with excellent and not excellent attendance: the
 * half-termly letter and reward at 97-100 % only, the termly report to every family at a term's
 * end, and the school's process ending with its academic year.
 */
@RouteTest
class AttendanceRecognitionTest {

    static final String URN = "960002";
    static final String PUPIL_ROUTE = "attendance-recognition-pupil";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestSchools testSchools;
    @Autowired
    PupilRepository pupils;
    @Autowired
    RouteDriver driver;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;

    School school;
    Pupil excellent;
    Pupil atRisk;
    Pupil persistentlyAbsent;

    @BeforeEach
    void aClassOfThree() {
        AbstractAssertions.init(engine);
        school = testSchools.school(URN, "graduated-attendance-response", DemoCalendar.file());
        // the PostgreSQL run keeps earlier runs' pupils: they have left, and this run's class is new
        for (Pupil earlier : pupils.findBySchoolIdOrderByUpn(school.getId())) {
            earlier.setLeavingDate(earlier.getAdmissionDate());
            pupils.save(earlier);
        }
        excellent = driver.newPupil(school, "Excellent");
        atRisk = driver.newPupil(school, "AtRisk");
        persistentlyAbsent = driver.newPupil(school, "Absent");
    }

    @AfterEach
    void stopTheSchoolsTierAndResetTheClock() {
        runtime.createProcessInstanceQuery().processDefinitionKey("attendance-recognition")
                .processInstanceBusinessKey(URN).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
        ClockUtil.reset();
    }

    /** The class's register up to {@code day}: 98 %, 96 % and 85 %. */
    void registersTo(LocalDate day) {
        driver.register(excellent, day, RouteDriver.absencesFor(day, 98), true);
        driver.register(atRisk, day, RouteDriver.absencesFor(day, 96), true);
        driver.register(persistentlyAbsent, day, RouteDriver.absencesFor(day, 85), true);
    }

    ProcessInstance startOn(LocalDate today) {
        driver.clockAt(today.atTime(9, 0));
        return runtime.startProcessInstanceByKey("attendance-recognition", URN);
    }

    List<InterventionCase> casesOf(Pupil pupil) {
        return cases.findByPupilIdOrderByOpenedOnDesc(pupil.getId());
    }

    List<String> letterTypes(InterventionCase of) {
        return driver.letterTypes(of.getId());
    }

    @Test
    void atAHalfTermsEndOnlyExcellentAttendanceIsRecognisedAndAtTheTermsEndEveryFamilyGetsItsReport() {
        ProcessInstance tier = startOn(LocalDate.of(2026, 10, 19));
        assertThat(tier).isWaitingAt("half-term-over");
        registersTo(LocalDate.of(2026, 10, 23));

        driver.fireTimer(tier.getId());
        assertThat(tier).isWaitingAt("next-half-term").variables().containsEntry("termlyReportDue", false);
        assertThat(casesOf(atRisk)).as("96 %: nothing to send").isEmpty();
        assertThat(casesOf(persistentlyAbsent)).isEmpty();
        InterventionCase recognised = casesOf(excellent).get(0);
        assertThat(recognised.getRouteKey()).isEqualTo(PUPIL_ROUTE);
        assertThat(recognised.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(recognised.getOutcome()).isEqualTo("Recognition and reports sent for the half term");
        assertThat(letterTypes(recognised)).containsExactly("GRADUATED_EXCELLENT");
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(recognised.getId()))
                .filteredOn(event -> event.getEventType() == CaseEventType.NOTE).map(CaseEvent::getSummary)
                .singleElement(as(InstanceOfAssertFactories.STRING))
                .matches("Half-termly reward for excellent attendance \\(9[7-9]\\.\\d %\\)");

        // the autumn term's second half
        driver.fireTimer(tier.getId());
        assertThat(tier).isWaitingAt("half-term-over");
        registersTo(LocalDate.of(2026, 12, 18));
        driver.fireTimer(tier.getId());

        assertThat(tier).isWaitingAt("next-half-term").variables().containsEntry("termlyReportDue", true);
        assertThat(casesOf(excellent)).hasSize(2);
        assertThat(letterTypes(casesOf(excellent).get(0)))
                .containsExactlyInAnyOrder("GRADUATED_EXCELLENT", "GRADUATED_TERMLY_REPORT");
        for (Pupil notExcellent : List.of(atRisk, persistentlyAbsent)) {
            assertThat(casesOf(notExcellent)).singleElement().satisfies(report -> {
                assertThat(report.getStatus()).isEqualTo(CaseStatus.CLOSED);
                assertThat(letterTypes(report)).containsExactly("GRADUATED_TERMLY_REPORT");
            });
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PUPIL_ROUTE).active().count())
                .as("every pupil's review has ended").isZero();
    }

    @Test
    void theSchoolsTierEndsWithTheSummerTerm() {
        ProcessInstance tier = startOn(LocalDate.of(2027, 7, 12));
        registersTo(LocalDate.of(2027, 7, 20));

        driver.fireTimer(tier.getId());

        assertThat(tier).isEnded().hasPassed("end-year");
        assertThat(casesOf(persistentlyAbsent)).singleElement()
                .satisfies(report -> assertThat(letterTypes(report)).containsExactly("GRADUATED_TERMLY_REPORT"));
    }

    @Test
    void aSchoolRunsOneTierAtATimeAndOnlyASchoolCanRunOne() {
        startOn(LocalDate.of(2026, 10, 19));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("attendance-recognition", URN))
                .hasMessageContaining("school " + URN + " already runs attendance-recognition");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("attendance-recognition", "969999"))
                .hasMessageContaining("'969999' is no school's URN");
    }
}
