package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.attendanceroutes.casework.CaseEventType.CALL_MADE;
import static org.attendanceroutes.casework.CaseEventType.CASE_CLOSED;
import static org.attendanceroutes.casework.CaseEventType.CASE_OPENED;
import static org.attendanceroutes.casework.CaseEventType.CONTACT_ATTEMPTED;
import static org.attendanceroutes.casework.CaseEventType.DECISION_RECORDED;
import static org.attendanceroutes.casework.CaseEventType.HOME_VISIT;
import static org.attendanceroutes.casework.CaseEventType.LETTER_ISSUED;
import static org.attendanceroutes.casework.CaseEventType.MEETING_MISSED;
import static org.attendanceroutes.casework.CaseEventType.NOTE;
import static org.attendanceroutes.casework.CaseEventType.REFERRAL_MADE;
import static org.attendanceroutes.casework.CaseEventType.STAGE_ENTERED;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.calendar.SchoolCalendar;
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
import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The route {@code attendance-interventions-framework} (seeds/002), one test per path: the pupil's
 * register marks give the figures each decision needs, the engine's clock moves to each timer's due
 * date, and the tests assert where the route waits, the case's stage, history and outcome, its
 * letters, targets and referral. Together they pass every flow node and sequence flow.
 */
@RouteTest
class AttendanceInterventionsFrameworkTest {

    static final String ROUTE = "attendance-interventions-framework";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Every test pupil joins on the first school day of Spring 1: the year to date starts there. */
    static final LocalDate ADMITTED = LocalDate.of(2027, 1, 5);
    static final SchoolCalendar CALENDAR = DemoCalendar.calendar();

    static final Register PRESENT = day -> new String[] {"/", "\\"};
    static final Register ABSENT_WITHOUT_REASON = day -> new String[] {"N", "N"};
    static final Register ABSENT_MONDAY_MORNINGS = day ->
            day.getDayOfWeek() == DayOfWeek.MONDAY ? new String[] {"O", "\\"} : new String[] {"/", "\\"};
    static final Register ABSENT_EVERY_MORNING = day -> new String[] {"N", "\\"};

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    TargetRepository targets;

    Pupil pupil;
    ProcessInstance route;
    LocalDate markedTo;

    /** A day's AM and PM codes. */
    interface Register {
        String[] codes(LocalDate day);
    }

    @BeforeEach
    void aNewPupil() {
        BpmnAwareTests.init(engine);
        School school = testSchools.school("970001", ROUTE, DemoCalendar.file());
        // a pupil of its own per test and run: the PostgreSQL run keeps earlier runs' pupils and open cases
        String digits = "970" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        pupil = testSchools.pupil(school, digits, "Frankie", "Framework", ADMITTED);
        markedTo = ADMITTED.minusDays(1);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------- stage 1

    @Test
    void aRegistrationMissedAndExplainedAt95PercentIsResolvedByTheTutorInOneTask() {
        LocalDate today = LocalDate.of(2027, 2, 1);
        attend(today, PRESENT);                          // 20 school days, 40 sessions
        mark(LocalDate.of(2027, 1, 12), "I", "\\");      // ill one morning: authorised
        mark(today, "U", "\\");                          // arrived after the register closed
        startOn(today);

        BpmnAwareTests.assertThat(route).isWaitingAt("tutor-find-reason");
        assertThat(variable("attendancePercent")).isEqualTo(95.0);
        assertThat(task("tutor-find-reason").getDueDate()).isEqualTo(endOfSchoolDay(LocalDate.of(2027, 2, 3)));
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 1");

        complete("tutor-find-reason", Role.TUTORS, "reasonForAbsence", "Missed the bus", "absenceExplained", true,
                "confirmationChased", true, "workCaughtUp", true);

        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-resolved-1");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(route.getId()).count())
                .as("a case resolved at stage 1 costs staff one task").isOne();
        assertClosed("Resolved at stage 1");
        assertThat(events()).extracting(CaseEvent::getEventType, CaseEvent::getPerformedBy, CaseEvent::getDetails)
                .containsExactly(tuple(CASE_OPENED, "system", null), tuple(STAGE_ENTERED, "system", null),
                        tuple(NOTE, "tutor", "Reason: Missed the bus"), tuple(CASE_CLOSED, "system", null));
        assertThat(letters()).isEmpty();
    }

    @Test
    void aTelephoneFaultSendsTheEmailHomeAndTheOfficerChecksTheContactDetails() {
        startAfterADayWithoutAReasonAt95Percent();

        BpmnAwareTests.assertThat(route).isWaitingAt("officer-call");
        complete("officer-call", Role.ATTENDANCE_OFFICERS, "contactMade", false, "telephoneFault", true,
                "reasonForAbsence", "Not known", "absenceExplained", false, "patternNotes", "");

        BpmnAwareTests.assertThat(route).isWaitingAt("letter-contact-details");
        sendLetter("letter-contact-details");
        BpmnAwareTests.assertThat(route).isWaitingAt("officer-confirm-contact");
        assertThat(letters()).containsExactly("FRAMEWORK_CONTACT_DETAILS");
        assertThat((String) variable("lastLetterLink")).startsWith("/api/letters/");

        complete("officer-confirm-contact", Role.ATTENDANCE_OFFICERS, "contactDetailsConfirmed", true,
                "parentContacted", true, "reasonForAbsence", "Ill with a cold", "absenceExplained", true);

        BpmnAwareTests.assertThat(route).isEnded().hasPassed("letter-contact-details", "end-resolved-1");
        assertClosed("Resolved at stage 1");
        assertThat(eventTypes()).containsSubsequence(CONTACT_ATTEMPTED, LETTER_ISSUED, CALL_MADE, CASE_CLOSED);
    }

    // ------------------------------------------------------------------------------- stage 2

    @Test
    void severalDaysAbsentAt94Point9PercentEscalateToStage2WhichEndsWhenAttendanceIsBackAt95() {
        LocalDate today = LocalDate.of(2027, 4, 19);
        attend(today, PRESENT);                          // 59 school days, 118 sessions
        for (LocalDate day : List.of(LocalDate.of(2027, 4, 15), LocalDate.of(2027, 4, 16), today)) {
            mark(day, "N", "N");                         // 112 of 118: 94.9 %
        }
        startOn(today);

        BpmnAwareTests.assertThat(route).isWaitingAt("hoy-several-days");
        assertThat(variable("attendancePercent")).isEqualTo(94.9);
        assertThat(variable("consecutiveDaysAbsent")).isEqualTo(3);
        complete("hoy-several-days", Role.HEADS_OF_YEAR, "registersCorrect", true,
                "informationForOfficer", "Older brother also absent", "reasonForAbsence", "Not known",
                "absenceExplained", false);

        BpmnAwareTests.assertThat(route).isWaitingAt("tutor-talk");
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 2");
        complete("tutor-talk", Role.TUTORS, "spokeToStudent", true, "spokeToParent", false,
                "reasonForAbsence", "Says he was ill");

        BpmnAwareTests.assertThat(route).isWaitingAt("officer-highlight");
        complete("officer-highlight", Role.ATTENDANCE_OFFICERS, "headOfYearInformed", true,
                "notesForHeadOfYear", "Three days without a reason");
        sendLetter("letter-1");
        assertThat(letters()).containsExactly("FRAMEWORK_LETTER_1");
        assertThat(variable("unauthorisedSessionsAtLetter1")).isEqualTo(6);

        complete("hoy-report", Role.HEADS_OF_YEAR, "attendanceReportStarted", true, "mentor", "Mr Mentor",
                "monitoringPlan", "Report card signed each lesson");
        complete("manager-liaison", Role.ATTENDANCE_MANAGERS, "liaisonAttendees", "AO, HOY, AHT",
                "actionsAdvised", "Monitor the report weekly");
        BpmnAwareTests.assertThat(route).isWaitingAt("week-2-over");
        assertThat(timer("week-2-over").getDuedate()).isEqualTo(endOfSchoolDay(LocalDate.of(2027, 4, 26)));

        fire("week-2-over", PRESENT);                    // a full week: 122 of 128, 95.3 %

        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-improved-2");
        assertClosed("Improved at stage 2");
        assertThat(historicVariable("attendancePercent")).isEqualTo(95.3);
    }

    @Test
    void anUnexplainedAbsenceAt95PercentIsResolvedAtStage2WhenTheTutorHasSpokenToTheStudent() {
        startAfterADayWithoutAReasonAt95Percent();

        complete("officer-call", Role.ATTENDANCE_OFFICERS, "contactMade", true, "telephoneFault", false,
                "reasonForAbsence", "Mother will call back", "absenceExplained", false, "patternNotes", "");
        BpmnAwareTests.assertThat(route).isWaitingAt("tutor-talk");
        complete("tutor-talk", Role.TUTORS, "spokeToStudent", true, "spokeToParent", true,
                "reasonForAbsence", "Looking after a younger sister");

        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-resolved-2");
        assertClosed("Resolved at stage 2");
        assertThat(letters()).isEmpty();
    }

    // ------------------------------------------------------------------------------- stage 3

    @Test
    void continuedUnauthorisedAbsenceLeadsToStage3WhereAnAttendanceSupportPlanWorks() {
        startOn5MarchAfterDaysWithoutAReason(3, 89.7);   // 8 unauthorised sessions

        complete("officer-call", Role.ATTENDANCE_OFFICERS, "contactMade", true, "telephoneFault", false,
                "reasonForAbsence", "Flu", "absenceExplained", true, "patternNotes", "");
        BpmnAwareTests.assertThat(route).as("explained, but below 95 %").isWaitingAt("tutor-talk");
        throughStage2();

        fire("week-2-over", PRESENT);                    // 80 of 88: 90.9 %, no more unauthorised absence
        BpmnAwareTests.assertThat(route).as("keeps monitoring").isWaitingAt("week-2-over");
        assertThat(variable("attendancePercent")).isEqualTo(90.9);
        fire("week-2-over", day -> day.equals(LocalDate.of(2027, 3, 15)) ? new String[] {"O", "O"}
                : PRESENT.codes(day));                  // 88 of 98: 89.8 %, 10 unauthorised

        BpmnAwareTests.assertThat(route).isWaitingAt("manager-consult-3");
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 3");
        complete("manager-consult-3", Role.ATTENDANCE_MANAGERS, "consultationNotes", "HOY agrees: meeting",
                "meetingAt", "2027-03-24T15:30");
        sendLetter("letter-2");
        assertThat(letters()).containsExactly("FRAMEWORK_LETTER_1", "FRAMEWORK_LETTER_2");
        assertThat(jdbc.queryForObject("select meeting_at from letter where case_id = ? and letter_type = ?",
                LocalDateTime.class, caseId(), "FRAMEWORK_LETTER_2")).isEqualTo(LocalDateTime.of(2027, 3, 24, 15, 30));

        complete("manager-meeting", Role.ATTENDANCE_MANAGERS, "parentAttended", true, "attendancePanelHeld", true,
                "meetingNotes", "Mother and student came.", "supportPlan", "Breakfast club; mentor check-in daily");
        Target plan = lastTarget();
        assertThat(plan.getRequiredPercent()).isEqualByComparingTo("95");
        assertThat(plan.getStartDate()).isEqualTo(LocalDate.of(2027, 3, 22));
        assertThat(plan.getEndDate()).isEqualTo(CALENDAR.addSchoolWeeks(LocalDate.of(2027, 3, 19), 6));
        assertThat(plan.getDescription()).startsWith("Attendance Support Plan");

        int weeks = monitorThePlan(PRESENT);

        assertThat(weeks).as("weekly reviews during the plan").isGreaterThanOrEqualTo(4);
        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-improved-3");
        assertThat(targets.findById(plan.getId()).orElseThrow().getResult()).isEqualTo(TargetResult.ACHIEVED);
        assertClosed("Improved with the Attendance Support Plan");
    }

    // ------------------------------------------------------------------------------- stage 4

    @Test
    void parentsWhoDoNotRespondAtStage4AreReferredToTheEducationWelfareServiceAndStage5DecidesProsecution() {
        startOn5MarchAfterDaysWithoutAReason(5, 84.6);   // 12 unauthorised sessions

        complete("officer-call", Role.ATTENDANCE_OFFICERS, "contactMade", false, "telephoneFault", false,
                "reasonForAbsence", "Not known", "absenceExplained", false, "patternNotes", "Fridays");
        throughStage2();
        fire("week-2-over", day -> day.equals(LocalDate.of(2027, 3, 8)) ? new String[] {"O", "O"}
                : PRESENT.codes(day));                  // 74 of 88: 84.1 %, 14 unauthorised

        complete("manager-consult-3", Role.ATTENDANCE_MANAGERS, "consultationNotes", "HOY agrees",
                "meetingAt", "2027-03-17T09:00");
        sendLetter("letter-2");
        complete("manager-meeting", Role.ATTENDANCE_MANAGERS, "parentAttended", false,
                "attendancePanelHeld", false, "meetingNotes", "Nobody came.", "supportPlan", "");
        BpmnAwareTests.assertThat(route).isWaitingAt("manager-home-visit-3");
        complete("manager-home-visit-3", Role.ATTENDANCE_MANAGERS, "parentSeen", false,
                "visitNotes", "No answer at the door");

        BpmnAwareTests.assertThat(route).isWaitingAt("manager-consult-4");
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 4");
        complete("manager-consult-4", Role.ATTENDANCE_MANAGERS, "consultationNotes", "Letter 3 agreed with HOY");
        sendLetter("letter-3");
        BpmnAwareTests.assertThat(route).as("below 85 %").isWaitingAt("manager-home-visit-4");
        complete("manager-home-visit-4", Role.ATTENDANCE_MANAGERS, "parentSeen", false, "visitNotes", "Nobody in");
        complete("slt-meeting", Role.SLT, "parentAttended", false, "meetingNotes", "Invited twice; no reply");
        BpmnAwareTests.assertThat(route).isWaitingAt("manager-ews-referral");
        complete("manager-ews-referral", Role.ATTENDANCE_MANAGERS, "evidenceAttendanceRecord", true,
                "evidenceLetters", true, "evidenceMeetings", true, "referralReference", "EWS-2027-114",
                "referralNotes", "No engagement since letter 2");

        BpmnAwareTests.assertThat(route).isWaitingAt("hoy-circumstances");
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 5");
        assertThat(letters()).containsExactly("FRAMEWORK_LETTER_1", "FRAMEWORK_LETTER_2", "FRAMEWORK_LETTER_3");
        assertThat(jdbc.queryForObject("select referred_to from intervention_case where id = ?", String.class,
                caseId())).isEqualTo("Education welfare service");
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Role.LOCAL_AUTHORITY.groupId())
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(route.getId()).count())
                .as("the local authority reads the referred case").isOne();
        assertThat(eventTypes()).containsSubsequence(MEETING_MISSED, HOME_VISIT, HOME_VISIT, MEETING_MISSED,
                REFERRAL_MADE, STAGE_ENTERED);

        complete("hoy-circumstances", Role.HEADS_OF_YEAR, "ewsConsulted", true, "circumstances", "No known needs");
        complete("manager-legal-decision", Role.ATTENDANCE_MANAGERS, "meetingAttendees", "AM, HOY, EWS officer",
                "legalOutcome", "PROSECUTION", "decisionReasons", "No engagement at any stage");
        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-prosecution");
        assertClosed("Prosecution of the parents");
    }

    @Test
    void aPlanThatDoesNotWorkBringsInTheAgenciesAndALastTargetMetAtStage4EndsTheCase() {
        startOn5MarchAfterDaysWithoutAReason(3, 89.7);
        jumpTo("officer-call", "plan-join");             // the Attendance Support Plan agreed today

        monitorThePlan(ABSENT_MONDAY_MORNINGS);          // 90 % over the plan: missed, but never below 85 %

        BpmnAwareTests.assertThat(route).isWaitingAt("manager-agencies");
        assertThat(lastTarget().getResult()).isEqualTo(TargetResult.MISSED);
        complete("manager-agencies", Role.ATTENDANCE_MANAGERS, "agenciesContacted", "School nurse; Early Help",
                "planSupport", "Weekly check-in with the mentor");
        complete("manager-consult-4", Role.ATTENDANCE_MANAGERS, "consultationNotes", "HOY agrees letter 3");
        sendLetter("letter-3");
        BpmnAwareTests.assertThat(route).as("85 % or more: no home visit").isWaitingAt("slt-meeting");
        complete("slt-meeting", Role.SLT, "parentAttended", true, "meetingNotes", "Father came; agreed the target");
        Target last = lastTarget();
        assertThat(last.getRequiredPercent()).isEqualByComparingTo("95");
        assertThat(last.getEndDate()).isEqualTo(CALENDAR.addSchoolWeeks(LocalDate.now(clock()), 4));

        fire("target-4-over", PRESENT);

        BpmnAwareTests.assertThat(route).isEnded().hasPassed("end-improved-4").hasNotPassed("manager-home-visit-4");
        assertThat(targets.findByCaseIdOrderByStartDate(caseId())).extracting(Target::getResult)
                .containsExactly(TargetResult.MISSED, TargetResult.ACHIEVED);
        assertClosed("Improved at stage 4");
    }

    @Test
    void attendanceBelow85DuringThePlanMovesToStage4AndAMissedLastTargetToTheReferral() {
        startOn5MarchAfterDaysWithoutAReason(4, 87.2);
        jumpTo("officer-call", "manager-home-visit-3");  // no response to contact from school

        complete("manager-home-visit-3", Role.ATTENDANCE_MANAGERS, "parentSeen", true,
                "visitNotes", "Plan agreed at home: lifts to school");
        BpmnAwareTests.assertThat(route).isWaitingAt("plan-event-gateway");
        fire("week-3-over", ABSENT_WITHOUT_REASON);      // a week away: 68 of 88, 77.3 %

        BpmnAwareTests.assertThat(route).isWaitingAt("manager-consult-4");
        assertThat(variable("attendancePercent")).isEqualTo(77.3);
        complete("manager-consult-4", Role.ATTENDANCE_MANAGERS, "consultationNotes", "HOY agrees letter 3");
        sendLetter("letter-3");
        complete("manager-home-visit-4", Role.ATTENDANCE_MANAGERS, "parentSeen", true, "visitNotes", "Seen");
        complete("slt-meeting", Role.SLT, "parentAttended", true, "meetingNotes", "Both parents came");
        fire("target-4-over", ABSENT_EVERY_MORNING);    // half the sessions over the last target

        BpmnAwareTests.assertThat(route).isWaitingAt("manager-ews-referral");
        assertThat(lastTarget().getResult()).isEqualTo(TargetResult.MISSED);
        complete("manager-ews-referral", Role.ATTENDANCE_MANAGERS, "evidenceAttendanceRecord", true,
                "evidenceLetters", true, "evidenceMeetings", true, "referralReference", "",
                "referralNotes", "Engaged but no improvement");
        BpmnAwareTests.assertThat(route).isWaitingAt("hoy-circumstances");
        assertThat(eventTypes()).contains(REFERRAL_MADE);
    }

    // ------------------------------------------------------------------------------- stage 5

    @ParameterizedTest
    @CsvSource({
            "PENALTY_NOTICE,  end-penalty-notice,  Fixed penalty notice",
            "PARENTING_ORDER, end-parenting-order, Parenting order",
            "PROSECUTION,     end-prosecution,     Prosecution of the parents",
            "NONE,            end-no-legal-action, No legal action"})
    void stage5EndsTheCaseWithTheLegalDecision(String decision, String end, String outcome) {
        startAfterADayWithoutAReasonAt95Percent();
        jumpTo("officer-call", "stage-5");

        BpmnAwareTests.assertThat(route).isWaitingAt("hoy-circumstances");
        assertThat(theCase().getCurrentStage()).isEqualTo("Stage 5");
        complete("hoy-circumstances", Role.HEADS_OF_YEAR, "ewsConsulted", true, "circumstances", "Young carer");
        complete("manager-legal-decision", Role.ATTENDANCE_MANAGERS, "meetingAttendees", "AM, HOY, EWS",
                "legalOutcome", decision, "decisionReasons", "Weighed at the legal meeting");

        BpmnAwareTests.assertThat(route).isEnded().hasPassed(end);
        assertClosed(outcome);
        assertThat(events()).filteredOn(event -> event.getEventType() == DECISION_RECORDED)
                .extracting(CaseEvent::getPerformedBy, CaseEvent::getDetails)
                .containsExactly(tuple("manager", decision + ": Weighed at the legal meeting"));
    }

    // ------------------------------------------------------------------------------- first-day calls

    @Test
    void theDailyAttendanceUpdateAsksForAFirstDayCallOnlyForAStudentBelow95AbsentWithoutAReason() {
        startAfterADayWithoutAReasonAt95Percent();

        attendanceUpdated(94.0, 2);
        attendanceUpdated(94.0, 0);
        attendanceUpdated(96.0, 2);

        List<Task> calls = tasks.createTaskQuery().processInstanceId(route.getId())
                .taskDefinitionKey("officer-first-day-call").list();
        assertThat(calls).singleElement().satisfies(call ->
                assertThat(call.getDueDate()).isEqualTo(endOfSchoolDay(LocalDate.of(2027, 2, 2))));
        complete("officer-first-day-call", Role.ATTENDANCE_OFFICERS, "contactMade", true,
                "reasonForAbsence", "Dentist");

        BpmnAwareTests.assertThat(route).isWaitingAt("officer-call");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(route.getId())
                .activityId("end-no-call").count()).isEqualTo(2);
        assertThat(events()).filteredOn(event -> event.getEventType() == CALL_MADE)
                .extracting(CaseEvent::getSummary, CaseEvent::getDetails)
                .containsExactly(tuple("Call the parents on the first day of absence", "Reason: Dentist"));
        assertThat(theCase().getStatus()).as("a first-day call leaves the case open").isEqualTo(CaseStatus.OPEN);
    }

    // ------------------------------------------------------------------------------- steps

    /** Stage 2 for a student below 95 %: the tutor's talk, letter 1, the report and the liaison meeting. */
    private void throughStage2() {
        complete("tutor-talk", Role.TUTORS, "spokeToStudent", true, "spokeToParent", true,
                "reasonForAbsence", "Various");
        complete("officer-highlight", Role.ATTENDANCE_OFFICERS, "headOfYearInformed", true,
                "notesForHeadOfYear", "Below 95 %");
        sendLetter("letter-1");
        complete("hoy-report", Role.HEADS_OF_YEAR, "attendanceReportStarted", true, "mentor", "Ms Mentor",
                "monitoringPlan", "Daily report card");
        complete("manager-liaison", Role.ATTENDANCE_MANAGERS, "liaisonAttendees", "AO, HOY, AHT",
                "actionsAdvised", "Letter 2 if no change");
        BpmnAwareTests.assertThat(route).isWaitingAt("week-2-over");
    }

    /** Weekly reviews during the Attendance Support Plan until its end; returns the number of weekly reviews. */
    private int monitorThePlan(Register register) {
        int weeks = 0;
        while (true) {
            BpmnAwareTests.assertThat(route).isWaitingAt("plan-event-gateway");
            Job planOver = timer("plan-over");
            Job week = timer("week-3-over");
            if (!planOver.getDuedate().after(week.getDuedate())) {
                fire("plan-over", register);
                return weeks;
            }
            fire("week-3-over", register);
            weeks++;
        }
    }

    /** Present every day to Monday 1 February (40 sessions) but absent that day without a reason: 95.0 %. */
    private void startAfterADayWithoutAReasonAt95Percent() {
        LocalDate today = LocalDate.of(2027, 2, 1);
        attend(today, PRESENT);
        mark(today, "N", "N");
        startOn(today);
        assertThat(variable("attendancePercent")).isEqualTo(95.0);
    }

    /**
     * Present every day to Friday 5 March (78 sessions) but {@code daysUnauthorised} days from 1 February
     * and 5 March itself, absent without a reason: attendance is {@code percent}.
     */
    private void startOn5MarchAfterDaysWithoutAReason(int daysUnauthorised, double percent) {
        LocalDate today = LocalDate.of(2027, 3, 5);
        attend(today, PRESENT);
        for (LocalDate day : CALENDAR.schoolDays(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, daysUnauthorised))) {
            mark(day, "O", "O");
        }
        mark(today, "N", "N");
        startOn(today);
        assertThat(variable("attendancePercent")).isEqualTo(percent);
    }

    private void startOn(LocalDate today) {
        ClockUtil.setCurrentTime(endOfSchoolDay(today));
        route = runtime.startProcessInstanceByKey(ROUTE, pupil.getUpn());
    }

    /** Moves the route from the task it waits at to another step, as a shortcut to a later stage. */
    private void jumpTo(String waitingAt, String step) {
        BpmnAwareTests.assertThat(route).isWaitingAt(waitingAt);
        runtime.createProcessInstanceModification(route.getId()).cancelAllForActivity(waitingAt)
                .startBeforeActivity(step).execute();
    }

    private void complete(String taskKey, Role role, Object... namesAndValues) {
        Task task = task(taskKey);
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).as("candidate group of " + taskKey)
                .containsExactly(role.groupId());
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        // claimed rather than completed as the logged-in user: the coverage listeners read the process
        // definition as the current user, which a route's staff may not do
        tasks.claim(task.getId(), role.demoUserId());
        tasks.complete(task.getId(), variables);
    }

    private Task task(String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(route.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("an open task " + taskKey).isNotNull();
        return task;
    }

    private void sendLetter(String activityId) {
        Job job = management.createJobQuery().processInstanceId(route.getId()).activityId(activityId).singleResult();
        assertThat(job).as("the letter job of " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private Job timer(String activityId) {
        Job job = management.createJobQuery().processInstanceId(route.getId()).activityId(activityId).timers()
                .singleResult();
        assertThat(job).as("the timer " + activityId).isNotNull();
        return job;
    }

    /** Registers the school days up to the timer's day as {@code register} says, then fires it on time. */
    private void fire(String activityId, Register register) {
        Job job = timer(activityId);
        attend(LocalDate.ofInstant(job.getDuedate().toInstant(), LONDON), register);
        ClockUtil.setCurrentTime(job.getDuedate());
        management.executeJob(job.getId());
    }

    private void attendanceUpdated(double attendancePercent, int unexplainedSessionsLastDay) {
        runtime.createMessageCorrelation("AttendanceUpdated").processInstanceBusinessKey(pupil.getUpn())
                .setVariable("attendancePercent", attendancePercent)
                .setVariable("unexplainedSessionsLastDay", unexplainedSessionsLastDay)
                .setVariable("figuresDate", LocalDate.now(clock()).toString())
                .correlateWithResult();
    }

    /** Marks every school day after the last one marked, up to {@code to}. */
    private void attend(LocalDate to, Register register) {
        for (LocalDate day : CALENDAR.schoolDays(markedTo.plusDays(1), to)) {
            String[] codes = register.codes(day);
            mark(day, codes[0], codes[1]);
        }
    }

    private void mark(LocalDate day, String am, String pm) {
        assertThat(CALENDAR.isSchoolDay(day)).as(day + " is a school day").isTrue();
        jdbc.update("delete from attendance_mark where pupil_id = ? and mark_date = ?", pupil.getId(), day);
        jdbc.update("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, 'AM', ?), (?, ?, 'PM', ?)",
                pupil.getId(), day, am, pupil.getId(), day, pm);
        if (day.isAfter(markedTo)) {
            markedTo = day;
        }
    }

    private static Date endOfSchoolDay(LocalDate day) {
        return Date.from(day.atTime(18, 0).atZone(LONDON).toInstant());
    }

    private static java.time.Clock clock() {
        return java.time.Clock.fixed(ClockUtil.getCurrentTime().toInstant(), LONDON);
    }

    private Object variable(String name) {
        return runtime.getVariable(route.getId(), name);
    }

    private Object historicVariable(String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(route.getId()).variableName(name)
                .singleResult().getValue();
    }

    private Long caseId() {
        return theCase().getId();
    }

    private InterventionCase theCase() {
        return cases.findByProcessInstanceId(route.getId()).orElseThrow();
    }

    private void assertClosed(String outcome) {
        InterventionCase closed = theCase();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(outcome);
    }

    private List<CaseEvent> events() {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId());
    }

    private List<CaseEventType> eventTypes() {
        return events().stream().map(CaseEvent::getEventType).toList();
    }

    private List<String> letters() {
        return jdbc.queryForList("select letter_type from letter where case_id = ? order by id", String.class, caseId());
    }

    private Target lastTarget() {
        List<Target> set = targets.findByCaseIdOrderByStartDate(caseId());
        assertThat(set).as("targets of the case").isNotEmpty();
        return set.get(set.size() - 1);
    }
}
