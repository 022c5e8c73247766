package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventRepository;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.casework.TargetResult;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The graduated response of seeds/001 on its paths: a pupil who recovers after early
 * intervention, one who declines band by band to severe absence and is referred, and one who
 * improves within the 20 school days of the Notice to Improve. The register is written for each
 * weekly review, the clock moved to each timer, and the case, its events, targets and letters
 * checked in our tables.
 */
@RouteTest
class GraduatedAttendanceResponseTest {

    static final String ROUTE = "graduated-attendance-response";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TestSchools testSchools;
    @Autowired
    RouteDriver driver;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    TargetRepository targets;

    School school;
    Pupil pupil;

    @BeforeEach
    void aPupilOnRollSinceTheStartOfTheYear() {
        AbstractAssertions.init(engine);
        school = testSchools.school("960001", ROUTE, DemoCalendar.file());
        pupil = driver.newPupil(school, "Graduated");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance startOn(LocalDate today, double attendance, boolean recentAbsences) {
        driver.clockAt(today.atTime(9, 0));
        driver.register(pupil, today, RouteDriver.absencesFor(today, attendance), recentAbsences);
        return runtime.startProcessInstanceByKey(ROUTE, pupil.getUpn());
    }

    /** The weekly review: the register up to the timer's day at {@code attendance} %, then the timer fires. */
    void reviewAt(ProcessInstance instance, double attendance) {
        LocalDate day = timerDay(instance);
        driver.register(pupil, day, RouteDriver.absencesFor(day, attendance), true);
        driver.fireTimer(instance.getId());
    }

    /** The school day the instance's timer falls due on. */
    LocalDate timerDay(ProcessInstance instance) {
        return LocalDateTime.ofInstant(management.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getDuedate().toInstant(), RouteDriver.LONDON).toLocalDate();
    }

    Task complete(ProcessInstance instance, String taskId, String group, Map<String, Object> answers) {
        assertThat(instance).isWaitingAt(taskId);
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).singleElement()
                .satisfies(link -> assertThat(link.getGroupId()).isEqualTo(group));
        tasks.complete(task.getId(), answers);
        return task;
    }

    InterventionCase theCase(ProcessInstance instance) {
        return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    List<CaseEventType> eventTypes(ProcessInstance instance) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(theCase(instance).getId()).stream()
                .map(CaseEvent::getEventType).toList();
    }

    List<String> stages(ProcessInstance instance) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(theCase(instance).getId()).stream()
                .filter(event -> event.getEventType() == CaseEventType.STAGE_ENTERED).map(CaseEvent::getSummary).toList();
    }

    List<String> letterTypes(ProcessInstance instance) {
        return driver.letterTypes(theCase(instance).getId());
    }

    void earlyIntervention(ProcessInstance instance) {
        complete(instance, "teacher-meeting", "class-staff", Map.of("pupilVoice", "Mornings are hard",
                "parentVoice", "A new baby at home", "documentCompleted", true));
        complete(instance, "barriers-contact", "class-staff", Map.of("contactMade", true,
                "inSchoolBarriers", "Falling out with friends at break"));
        driver.runDueJobs(instance.getId());
        complete(instance, "telephone-meeting", "attendance-officers", Map.of("parentReached", true,
                "meetingNotes", "Letter 1 discussed", "nextSteps", "Breakfast club"));
        complete(instance, "three-houses", "class-staff", Map.of("houseOfWorries", "Being late",
                "houseOfGoodThings", "Reading", "houseOfDreams", "Football team", "workCompleted", true));
    }

    @Test
    void aPupilAtRiskRecoversAfterEarlyInterventionAndTheCaseEndsAt97Percent() {
        ProcessInstance instance = startOn(LocalDate.of(2026, 10, 5), 96, true);

        assertThat(instance).isWaitingAt("teacher-meeting").variables()
                .containsEntry("bandLevel", 1).containsEntry("band", "95-97 %: early intervention");
        Task meeting = tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
        assertThat(meeting.getDueDate()).as("5 school days from Monday 5 October")
                .isEqualTo(Date.from(LocalDate.of(2026, 10, 12).atTime(18, 0).atZone(RouteDriver.LONDON).toInstant()));
        assertThat(meeting.getCamundaFormRef().getKey()).isEqualTo("graduated-teacher-meeting");
        assertThat(theCase(instance).getCurrentStage()).isEqualTo("95-97 %: early intervention");
        earlyIntervention(instance);
        assertThat(letterTypes(instance)).containsExactly("GRADUATED_LETTER_1");

        // a week later still at 96 %: nothing is done twice, the weekly review goes on
        assertThat(instance).isWaitingAt("review-wait");
        reviewAt(instance, 96);
        assertThat(instance).isWaitingAt("review-wait");
        assertThat(timerDay(instance)).isEqualTo(LocalDate.of(2026, 10, 19));

        reviewAt(instance, 97.5);
        assertThat(instance).isEnded().hasPassed("end-recovered");
        InterventionCase closed = theCase(instance);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo("Attendance back at 97 % or more");
        assertThat(stages(instance)).containsExactly("95-97 %: early intervention");
        assertThat(eventTypes(instance)).containsSubsequence(CaseEventType.CASE_OPENED, CaseEventType.STAGE_ENTERED,
                CaseEventType.MEETING_HELD, CaseEventType.CALL_MADE, CaseEventType.LETTER_ISSUED,
                CaseEventType.MEETING_HELD, CaseEventType.NOTE, CaseEventType.CASE_CLOSED);
        assertThat(letterTypes(instance)).containsExactly("GRADUATED_LETTER_1");
    }

    @Test
    void aPupilWhoDeclinesBandByBandReachesSevereAbsenceAndIsReferredToTheLocalAuthority() {
        ProcessInstance instance = startOn(LocalDate.of(2026, 10, 5), 96, true);
        earlyIntervention(instance);

        reviewAt(instance, 94);
        assertThat(instance).hasPassed("band-2", "letter-2");
        complete(instance, "meeting-2", "attendance-officers", Map.of("parentAttended", true,
                "barriersDiscussed", "Anxiety about tests", "actionPlan", "Soft start, weekly check-in"));
        complete(instance, "plan-review", "attendance-officers", Map.of("supportInPlace", true,
                "planProgress", "Check-ins happening"));

        // on Wednesday the daily evaluation brings today's figures: 92 %, the Notice to Improve at once
        LocalDate wednesday = LocalDate.of(2026, 10, 14);
        driver.clockAt(wednesday.atTime(19, 0));
        driver.register(pupil, wednesday, RouteDriver.absencesFor(wednesday, 92), true);
        assertThat(instance).isWaitingAt("review-wait");
        runtime.createMessageCorrelation("AttendanceUpdated").processInstanceBusinessKey(pupil.getUpn())
                .setVariables(Map.of("attendancePercent", 92.0, "absencePercent", 8.0, "persistentAbsence", false,
                        "severeAbsence", false, "figuresDate", wednesday.toString()))
                .correlate();
        driver.runDueJobs(instance.getId());
        assertThat(instance).hasPassed("figures-updated", "band-3", "letter-notice");
        complete(instance, "notice-meeting", "attendance-managers", Map.of("parentAttended", false,
                "supportOffered", "Mentoring", "finesExplained", true));
        complete(instance, "external-agencies", "attendance-managers", Map.of("agenciesContacted", "Early help hub",
                "agencyResponse", "Family worker allocated"));

        assertThat(timerDay(instance)).as("a school week after Wednesday 14 October")
                .isEqualTo(LocalDate.of(2026, 10, 21));
        reviewAt(instance, 88);
        assertThat(instance).variables().containsEntry("bandLevel", 4).containsEntry("bandReached", 4L);
        assertThat(runtime.getVariable(instance.getId(), "supportStartPercent"))
                .isEqualTo(runtime.getVariable(instance.getId(), "attendancePercent"));
        complete(instance, "support-strategies", "attendance-officers", Map.of("earlyHelpOffered", true,
                "signposted", true, "childCentredWork", false, "collectionByStaff", false, "homeVisits", true,
                "bespokeSupport", false, "supportDetails", "Weekly home visit on Mondays"));

        // a school week on (after the half-term break), lower than when the support began: no improvement
        assertThat(timerDay(instance)).isEqualTo(LocalDate.of(2026, 11, 4));
        reviewAt(instance, 86);
        assertThat(instance).variables().containsEntry("bandLevel", 5).containsEntry("band", "Severe absence");
        assertThat((Double) runtime.getVariable(instance.getId(), "attendancePercent"))
                .isLessThan((Double) runtime.getVariable(instance.getId(), "supportStartPercent"));
        assertThat(instance).hasPassed("band-5", "set-notice-target", "letter-notice-20");
        Target notice = targets.findByCaseIdOrderByStartDate(theCase(instance).getId()).get(0);
        assertThat(notice.getRequiredPercent()).isEqualByComparingTo("95");
        assertThat(notice.getStartDate()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(notice.getEndDate()).as("20 school days from Wednesday 4 November").isEqualTo(LocalDate.of(2026, 12, 2));
        complete(instance, "action-plan-meeting", "attendance-managers", Map.of("parentAttended", false,
                "actionPlan", "Daily collection by staff", "parentEngaging", false));

        // the 20 days pass with the pupil still absent
        assertThat(timerDay(instance)).isEqualTo(LocalDate.of(2026, 12, 2));
        reviewAt(instance, 80);
        assertThat(instance).variables().containsEntry("targetAchieved", false);
        complete(instance, "prepare-referral", "attendance-officers", Map.of(
                "referralReason", "Parents have not engaged with support", "evidenceAttendanceRecord", true,
                "evidenceLetters", true, "evidenceMeetings", true, "evidenceSupport", true,
                "referralNotes", "No engagement since the Notice to Improve"));

        assertThat(instance).isEnded().hasPassed("refer", "end-referred");
        InterventionCase closed = theCase(instance);
        assertThat(closed.getOutcome()).isEqualTo("Referred to the local authority");
        assertThat(stages(instance)).containsExactly("95-97 %: early intervention", "93-95 %: further concern",
                "91-93 %: Notice to Improve", "Persistent absence", "Severe absence");
        assertThat(targets.findById(notice.getId()).orElseThrow().getResult()).isEqualTo(TargetResult.MISSED);
        assertThat(eventTypes(instance)).contains(CaseEventType.ACTION_PLAN_AGREED, CaseEventType.MEETING_MISSED,
                CaseEventType.SUPPORT_OFFERED, CaseEventType.TARGET_SET, CaseEventType.REFERRAL_MADE);
        assertThat(letterTypes(instance)).containsSubsequence("GRADUATED_LETTER_1", "GRADUATED_LETTER_2",
                "NOTICE_TO_IMPROVE", "NOTICE_TO_IMPROVE_20_DAYS");
        assertThat(letterTypes(instance)).as("the Notice to Improve goes to the local authority too")
                .filteredOn("NOTICE_TO_IMPROVE"::equals).hasSize(2);
    }

    @Test
    void aSeverelyAbsentPupilWhoImprovesWithinTheTwentyDaysOfTheNoticeToImprove() {
        // absent more than half the year so far (the earliest weeks): severe absence at once
        ProcessInstance instance = startOn(LocalDate.of(2026, 11, 9), 45, false);
        assertThat(instance).variables().containsEntry("bandLevel", 5).containsEntry("band", "Severe absence");
        assertThat(stages(instance)).containsExactly("Severe absence");
        driver.runDueJobs(instance.getId());
        assertThat(letterTypes(instance)).containsExactly("NOTICE_TO_IMPROVE_20_DAYS");
        complete(instance, "action-plan-meeting", "attendance-managers", Map.of("parentAttended", true,
                "actionPlan", "Attend every day; walking bus", "parentEngaging", true));

        // every session of the 20 days attended
        LocalDate end = timerDay(instance);
        driver.register(pupil, end, RouteDriver.absencesFor(LocalDate.of(2026, 11, 9), 45), false);
        driver.fireTimer(instance.getId());

        assertThat(instance).isEnded().hasPassed("end-improved");
        assertThat(theCase(instance).getOutcome()).isEqualTo("Improved within the 20 days of the Notice to Improve");
        Target notice = targets.findByCaseIdOrderByStartDate(theCase(instance).getId()).get(0);
        assertThat(notice.getResult()).isEqualTo(TargetResult.ACHIEVED);
        assertThat(notice.getAchievedPercent()).isEqualByComparingTo("100.0");
        assertThat(eventTypes(instance)).doesNotContain(CaseEventType.REFERRAL_MADE);
    }
}
