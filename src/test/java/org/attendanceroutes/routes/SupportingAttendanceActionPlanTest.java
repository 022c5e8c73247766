package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.attendanceroutes.absence.AbsenceReasons;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.casework.TargetResult;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.assertions.bpmn.ProcessInstanceAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The paths of the supporting attendance action plan (seeds/004), on the demo calendar: day 1 is
 * Monday 11 January 2027, day 3 Wednesday 13, day 6 Monday 18; the meeting agrees the plan on
 * Tuesday 19 January and its review falls 6 school weeks later, on Tuesday 9 March (the
 * February half term does not count). Each test's register gives the figures its path needs.
 */
@RouteTest
class SupportingAttendanceActionPlanTest {

    static final String ROUTE = "supporting-attendance-action-plan";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final SchoolCalendar CALENDAR = DemoCalendar.calendar();
    static final LocalDate YEAR_START = LocalDate.of(2026, 9, 3);
    static final LocalDate DAY_1 = LocalDate.of(2027, 1, 11);
    static final LocalDate MEETING_DAY = LocalDate.of(2027, 1, 19);
    static final LocalDate REVIEW_DAY = LocalDate.of(2027, 3, 9);

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
    IdentityService identity;
    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Casework casework;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    TargetRepository targets;
    @Autowired
    AbsenceReasons absenceReasons;
    @Autowired
    TestRestTemplate http;

    School school;

    @BeforeEach
    void schoolOnTheDemoCalendar() {
        BpmnAwareTests.init(engine);
        school = testSchools.school("980001", ROUTE, DemoCalendar.file());
    }

    @AfterEach
    void resetClockAndUser() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aReasonThatExplainsTheAbsenceAtTheFirstDayContactEndsTheEpisodeWithOneTask() {
        Pupil pupil = pupil("980000000011", allPresent());
        ProcessInstance route = startOnDay1(pupil);

        assertRoute(route).isWaitingAt("first-day-contact");
        assertThat(caseOf(route).getCurrentStage()).isEqualTo("Day 1 contact");
        Task contact = task(route, "first-day-contact");
        assertThat(contact.getDueDate()).as("by the end of the next school day").isEqualTo(endOf(DAY_1.plusDays(1)));
        assertThat(runtime.getVariable(route.getId(), "attendancePercent")).as("figures for the form").isNotNull();

        complete(route, "first-day-contact", "attendance-officers", "officer", Map.of("contactMade", true,
                "reasonGiven", "Ill with a temperature, mother phoned back", "reasonExplainsAbsence", true));

        assertRoute(route).isEnded().hasPassed("end-explained-day-1");
        InterventionCase closed = caseOf(route);
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo("Absence explained at the first-day contact");
        assertThat(events(closed)).extracting(CaseEvent::getEventType).containsExactly(CaseEventType.CASE_OPENED,
                CaseEventType.STAGE_ENTERED, CaseEventType.CALL_MADE, CaseEventType.CASE_CLOSED);
        assertThat(events(closed).get(2).getPerformedBy()).isEqualTo("officer");
        assertThat(events(closed).get(2).getDetails()).isEqualTo(
                "The reason explains the absence: Ill with a temperature, mother phoned back");

        // the route starts for every unexplained absence: a case resolved on day 1 costs one task, no jobs
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(route.getId()).count()).isOne();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(route.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(route.getId()).list())
                .extracting(HistoricActivityInstance::getActivityId).containsExactlyInAnyOrder("start", "stage-day-1",
                        "calculate-day-1", "first-days", "first-days-start", "first-day-contact",
                        "contact-explained-gateway", "first-days-explained", "explained-gateway",
                        "end-explained-day-1");
    }

    @Test
    void aReasonArrivingOnDay2ByMessageClosesTheEpisode() {
        Pupil pupil = pupil("980000000012", allPresent());
        ProcessInstance route = startOnDay1(pupil);
        complete(route, "first-day-contact", "attendance-officers", "officer",
                Map.of("contactMade", true, "reasonGiven", "Overslept", "reasonExplainsAbsence", false));
        assertRoute(route).isWaitingAt("day-3");
        assertThat(timer(route, "day-3").getDuedate()).as("day 3").isEqualTo(endOf(LocalDate.of(2027, 1, 13)));

        // the office records the reason on day 2, as the attendance officer
        at(LocalDate.of(2027, 1, 12), 11, 0);
        testSchools.signIn("officer");
        List<String> informed = absenceReasons.received(pupil.getUpn(), "Hospital appointment, letter to follow", true);
        identity.clearAuthentication();

        assertThat(informed).containsExactly(route.getId());
        assertRoute(route).isEnded().hasPassed("record-reason", "end-reason-explained");
        InterventionCase closed = caseOf(route);
        assertThat(closed.getOutcome()).isEqualTo("Absence explained by the parent or carer");
        assertThat(events(closed)).filteredOn(event -> event.getEventType() == CaseEventType.NOTE).singleElement()
                .satisfies(note -> {
                    assertThat(note.getPerformedBy()).isEqualTo("officer");
                    assertThat(note.getDetails()).isEqualTo("Explains the absence: Hospital appointment, letter to follow");
                });
        assertThat(letters(closed)).isZero();
        assertThat(management.createJobQuery().processInstanceId(route.getId()).count()).isZero();

        assertThatThrownBy(() -> absenceReasons.received(pupil.getUpn(), "The same reason again", true))
                .isInstanceOf(AbsenceReasons.NoRouteWaiting.class).hasMessageContaining(pupil.getUpn());
    }

    @Test
    void aLetterOnDay3ThenAReasonRecordedOverHttp() {
        Pupil pupil = pupil("980000000013", allPresent());
        ProcessInstance route = startOnDay1(pupil);
        complete(route, "first-day-contact", "attendance-officers", "officer",
                Map.of("contactMade", false, "reasonGiven", "", "reasonExplainsAbsence", false));
        assertThat(events(caseOf(route))).filteredOn(event -> event.getEventType() == CaseEventType.CONTACT_ATTEMPTED)
                .extracting(CaseEvent::getDetails).containsExactly("No reason that explains the absence: none given");

        fire(route, "day-3");
        assertThat(caseOf(route).getCurrentStage()).isEqualTo("Day 3 letter");
        runAsync(route, "letter-day-3");
        assertThat(letters(caseOf(route))).isOne();
        assertThat(runtime.getVariable(route.getId(), "lastLetterId")).isNotNull();
        assertRoute(route).isWaitingAt("day-6");
        assertThat(timer(route, "day-6").getDuedate()).as("day 6").isEqualTo(endOf(LocalDate.of(2027, 1, 18)));

        // the office records reasons over HTTP, as the attendance officer
        at(LocalDate.of(2027, 1, 14), 10, 0);
        ResponseEntity<Map> answer = recordReason(pupil, "Says she was at her gran's", false);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("routeInstances")).isEqualTo(List.of(route.getId()));
        assertRoute(route).hasPassed("end-reason-noted").isWaitingAt("day-6");
        assertThat(events(caseOf(route))).filteredOn(event -> event.getEventType() == CaseEventType.NOTE).singleElement()
                .satisfies(note -> {
                    assertThat(note.getPerformedBy()).isEqualTo("officer");
                    assertThat(note.getDetails()).isEqualTo("Does not explain the absence: Says she was at her gran's");
                });

        assertThat(recordReason(pupil, "GP confirms she was ill", true).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertRoute(route).isEnded().hasPassed("end-reason-explained");
        assertThat(caseOf(route).getOutcome()).isEqualTo("Absence explained by the parent or carer");
        assertThat(letters(caseOf(route))).isOne();
    }

    @Test
    void aMeetingOnDay6AgreesAPlanThatWorksByTheReview() {
        Pupil pupil = pupil("980000000014", allPresent());
        ProcessInstance route = toTheDay6Meeting(pupil);
        assertThat(runtime.getVariable(route.getId(), "unauthorisedSessionsBeforePlan")).as("day 1 morning").isEqualTo(1);
        assertThat(caseOf(route).getCurrentStage()).isEqualTo("Action plan");
        assertThat(letters(caseOf(route))).as("day 3 letter, meeting invitation").isEqualTo(2);

        agreePlan(route, 95);
        Target target = targets.findByCaseIdOrderByStartDate(caseOf(route).getId()).get(0);
        assertThat(target.getRequiredPercent()).isEqualByComparingTo("95");
        assertThat(target.getEndDate()).isEqualTo(REVIEW_DAY);
        assertThat(target.getResult()).isEqualTo(TargetResult.PENDING);
        assertRoute(route).isWaitingAt("plan-gateway");
        assertThat(timer(route, "review-due").getDuedate()).isEqualTo(endOf(REVIEW_DAY));

        // a day's figures that do not show the pupil completely absent change nothing
        at(LocalDate.of(2027, 2, 1), 18, 30);
        attendanceUpdated(pupil, 0);
        assertRoute(route).hasPassed("absent-gateway").isWaitingAt("plan-gateway");
        assertThat(timer(route, "review-due").getDuedate()).isEqualTo(endOf(REVIEW_DAY));

        fire(route, "review-due");
        assertRoute(route).isEnded().hasPassed("review-target", "end-plan-worked");
        assertThat(targets.findById(target.getId()).orElseThrow().getResult()).isEqualTo(TargetResult.ACHIEVED);
        assertThat(caseOf(route).getOutcome()).isEqualTo("Action plan worked");
    }

    @Test
    void aCompletelyAbsentPupilIsReviewedEarly() {
        Pupil pupil = pupil("980000000015", day -> {
            if (day.isBefore(DAY_1)) {
                return absentEvery(day, 12); // 6 days of unauthorised absence: 92 % on day 6
            }
            boolean completelyAbsent = !day.isBefore(LocalDate.of(2027, 1, 20)) && !day.isAfter(LocalDate.of(2027, 1, 26));
            return completelyAbsent ? "N" : "/";
        });
        ProcessInstance route = toTheDay6Meeting(pupil);
        agreePlan(route, 96);

        // 5 school days absent in a row, a week after the plan was agreed
        at(LocalDate.of(2027, 1, 26), 18, 30);
        attendanceUpdated(pupil, 5);

        assertRoute(route).hasPassed("review-target", "calculate-review").isWaitingAt("review-meeting");
        assertThat(management.createJobQuery().processInstanceId(route.getId()).timers().count())
                .as("the 6-week review timer is gone").isZero();
        assertThat(caseOf(route).getCurrentStage()).isEqualTo("Plan review");
        assertThat((Double) runtime.getVariable(route.getId(), "attendancePercent")).isBetween(85.0, 90.0);
        assertThat(targets.findByCaseIdOrderByStartDate(caseOf(route).getId()).get(0).getResult())
                .isNotEqualTo(TargetResult.PENDING);

        at(LocalDate.of(2027, 1, 27), 10, 0);
        review(route, "ATTENDANCE_OFFICER");
        assertThat(referrals(caseOf(route))).singleElement().asString()
                .contains("The local authority's attendance officer");
        assertRoute(route).hasPassed("refer-attendance-officer").hasNotPassed("consider-penalty-notice")
                .isWaitingAt("monitor-after-review");

        fire(route, "monitor-after-review");
        assertRoute(route).isEnded().hasPassed("end-no-further-absence");
        assertThat(caseOf(route).getOutcome()).isEqualTo("No further unauthorised absence after the review");
    }

    @Test
    void aReviewBelow90PercentRequestsSupportFromEarlyHelp() {
        // 92 % on day 6, then one day in four missed: about 88 % at the review
        Pupil pupil = pupil("980000000016", day -> day.isBefore(DAY_1) ? absentEvery(day, 12)
                : day.isAfter(MEETING_DAY) ? absentEvery(day, 4) : "/");
        ProcessInstance route = toTheDay6Meeting(pupil);
        agreePlan(route, 95);
        fire(route, "review-due");

        assertRoute(route).isWaitingAt("review-meeting");
        assertThat((Double) runtime.getVariable(route.getId(), "attendancePercent")).isBetween(85.0, 90.0);
        assertThat(runtime.getVariable(route.getId(), "targetAchieved")).isEqualTo(false);
        at(REVIEW_DAY.plusDays(1), 10, 0);
        review(route, "EARLY_HELP");
        assertRoute(route).hasPassed("request-early-help").hasNotPassed("consider-penalty-notice")
                .isWaitingAt("monitor-after-review");
        assertThat(referrals(caseOf(route))).singleElement().asString().contains("Early Help services");

        // absence goes on: Early Help services consider legal action, and decide against it
        fire(route, "monitor-after-review");
        assertRoute(route).isWaitingAt("consider-legal-action");
        assertThat(caseOf(route).getCurrentStage()).isEqualTo("Legal action");
        complete(route, "consider-legal-action", "local-authority", "la-officer",
                Map.of("legalActionInitiated", false, "legalActionNotes", "Family now engaging with a key worker"));
        assertRoute(route).isEnded().hasPassed("end-no-legal-action");
        assertThat(caseOf(route).getOutcome()).isEqualTo("No legal action by Early Help services");
        assertThat(events(caseOf(route))).filteredOn(event -> event.getEventType() == CaseEventType.DECISION_RECORDED)
                .extracting(CaseEvent::getDetails).containsExactly("No legal action: Family now engaging with a key worker");
    }

    @Test
    void attendanceOf85PercentOrBelowLeadsToAPenaltyNoticeConsideration() {
        ProcessInstance route = reviewedBelow85("980000000017");
        complete(route, "consider-penalty-notice", "attendance-managers", "manager", Map.of(
                "penaltyNoticeRequested", true, "penaltyNoticeReason", "No improvement after the plan and the review"));
        assertRoute(route).hasPassed("refer-penalty-notice").isWaitingAt("monitor-after-review");
        assertThat(referrals(caseOf(route))).hasSize(2).last().asString()
                .contains("The local authority's attendance officer: penalty notice");

        // absence goes on after a penalty notice request: Early Help services consider legal action, and take it
        fire(route, "monitor-after-review");
        assertThat((Double) runtime.getVariable(route.getId(), "attendancePercent")).isLessThan(85.0);
        complete(route, "consider-legal-action", "local-authority", "la-officer",
                Map.of("legalActionInitiated", true, "legalActionNotes", "Prosecution under section 444"));
        assertRoute(route).isEnded().hasPassed("end-legal-action").hasNotPassed("prepare-prosecution-referral");
        assertThat(caseOf(route).getOutcome()).isEqualTo("Legal action initiated by Early Help services");
    }

    @Test
    void withNoReferralForAPenaltyNoticeTheSchoolRefersForProsecution() {
        ProcessInstance route = reviewedBelow85("980000000018");
        complete(route, "consider-penalty-notice", "attendance-managers", "manager",
                Map.of("penaltyNoticeRequested", false, "penaltyNoticeReason", "Parent has just started work with us"));
        assertRoute(route).hasNotPassed("refer-penalty-notice").isWaitingAt("monitor-after-review");

        fire(route, "monitor-after-review");
        assertThat((Double) runtime.getVariable(route.getId(), "attendancePercent")).isLessThan(85.0);
        assertRoute(route).isWaitingAt("prepare-prosecution-referral");
        complete(route, "prepare-prosecution-referral", "attendance-managers", "manager",
                Map.of("referralReference", "AO-2027-118", "referralNotes", "Register, letters, plan and review attached"));
        assertRoute(route).isEnded().hasPassed("refer-prosecution", "end-prosecution");
        InterventionCase closed = caseOf(route);
        assertThat(closed.getOutcome()).isEqualTo("Referred for a school-initiated prosecution");
        assertThat(referrals(closed)).last().asString()
                .contains("The local authority's attendance officer: school-initiated prosecution");
    }

    // ---- the path's steps ------------------------------------------------------------------

    /** A pupil 10 % below the line: reviewed at 82 % with a referral to the attendance officer. */
    private ProcessInstance reviewedBelow85(String digits) {
        Pupil pupil = pupil(digits, day -> day.isBefore(DAY_1) ? absentEvery(day, 7)
                : day.isAfter(MEETING_DAY) ? absentEvery(day, 3) : "/");
        ProcessInstance route = toTheDay6Meeting(pupil);
        agreePlan(route, 95);
        fire(route, "review-due");
        assertThat((Double) runtime.getVariable(route.getId(), "attendancePercent")).isLessThanOrEqualTo(85.0);
        at(REVIEW_DAY.plusDays(1), 10, 0);
        review(route, "ATTENDANCE_OFFICER");
        assertRoute(route).isWaitingAt("consider-penalty-notice");
        return route;
    }

    /** Day 1 with no reason at the contact, the day 3 letter, and on day 6 the meeting invitation. */
    private ProcessInstance toTheDay6Meeting(Pupil pupil) {
        ProcessInstance route = startOnDay1(pupil);
        complete(route, "first-day-contact", "attendance-officers", "officer",
                Map.of("contactMade", false, "reasonGiven", "", "reasonExplainsAbsence", false));
        fire(route, "day-3");
        runAsync(route, "letter-day-3");
        fire(route, "day-6");
        assertRoute(route).hasPassed("first-days-day-6", "explained-gateway", "stage-action-plan");
        runAsync(route, "letter-meeting");
        assertRoute(route).isWaitingAt("meeting");
        return route;
    }

    private void agreePlan(ProcessInstance route, int targetPercent) {
        at(MEETING_DAY, 10, 0);
        complete(route, "meeting", "attendance-officers", "officer", Map.of("parentAttended", true,
                "staffPresent", "Attendance officer, head of year, SENCO",
                "actionPlan", "Morning check-in with the head of year; SENCO assessment; parent calls by 9:00",
                "agreedTargetPercent", targetPercent));
        assertThat(events(caseOf(route))).extracting(CaseEvent::getEventType)
                .contains(CaseEventType.ACTION_PLAN_AGREED, CaseEventType.TARGET_SET);
    }

    private void review(ProcessInstance route, String supportRequest) {
        complete(route, "review-meeting", "attendance-officers", "officer", Map.of("parentAttended", true,
                "reviewNotes", "Absence continued after the plan", "supportRequest", supportRequest));
    }

    private ProcessInstance startOnDay1(Pupil pupil) {
        at(DAY_1, 9, 30);
        return runtime.startProcessInstanceByKey(ROUTE, pupil.getUpn());
    }

    private ResponseEntity<Map> recordReason(Pupil pupil, String reason, boolean explainsAbsence) {
        return http.withBasicAuth("officer", "demo").postForEntity("/api/pupils/{upn}/absence-reasons",
                Map.of("reason", reason, "explainsAbsence", explainsAbsence), Map.class, pupil.getUpn());
    }

    private void attendanceUpdated(Pupil pupil, int consecutiveDaysAbsent) {
        runtime.createMessageCorrelation("AttendanceUpdated").processInstanceBusinessKey(pupil.getUpn())
                .setVariable("consecutiveDaysAbsent", consecutiveDaysAbsent)
                .setVariable("figuresDate", LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON).toString())
                .correlateAll();
    }

    private void complete(ProcessInstance route, String taskKey, String group, String user,
                          Map<String, Object> variables) {
        Task task = task(route, taskKey);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).containsExactly(group);
        assertThat(task.getDueDate()).as(taskKey + " has a due date").isNotNull();
        assertThat(task.getCamundaFormRef().getKey()).startsWith("support-");
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), variables);
    }

    private Task task(ProcessInstance route, String taskKey) {
        Task task = tasks.createTaskQuery().processInstanceId(route.getId()).taskDefinitionKey(taskKey)
                .initializeFormKeys().singleResult();
        assertThat(task).as("task " + taskKey).isNotNull();
        return task;
    }

    private Job timer(ProcessInstance route, String activityId) {
        Job timer = management.createJobQuery().processInstanceId(route.getId()).activityId(activityId).timers()
                .singleResult();
        assertThat(timer).as("timer " + activityId).isNotNull();
        return timer;
    }

    /** Moves the clock to the timer's due date and fires it. */
    private void fire(ProcessInstance route, String activityId) {
        Job timer = timer(route, activityId);
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
    }

    private void runAsync(ProcessInstance route, String activityId) {
        Job job = management.createJobQuery().processInstanceId(route.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job " + activityId).isNotNull();
        management.executeJob(job.getId());
    }

    private static ProcessInstanceAssert assertRoute(ProcessInstance route) {
        return BpmnAwareTests.assertThat(route);
    }

    private InterventionCase caseOf(ProcessInstance route) {
        return cases.findByProcessInstanceId(route.getId()).orElseThrow();
    }

    private List<CaseEvent> events(InterventionCase on) {
        return casework.history(on.getId());
    }

    private long letters(InterventionCase on) {
        return events(on).stream().filter(event -> event.getEventType() == CaseEventType.LETTER_ISSUED).count();
    }

    private List<String> referrals(InterventionCase on) {
        return events(on).stream().filter(event -> event.getEventType() == CaseEventType.REFERRAL_MADE)
                .map(CaseEvent::getSummary).toList();
    }

    // ---- the register ----------------------------------------------------------------------

    private static Function<LocalDate, String> allPresent() {
        return day -> "/";
    }

    /** Unauthorised absence (O) on every {@code n}-th school day since the start of the year, else present. */
    private static String absentEvery(LocalDate day, int n) {
        return CALENDAR.schoolDaysBetween(YEAR_START, day) % n == 0 ? "O" : "/";
    }

    /**
     * A pupil on roll since September whose register, from the first school day of the year to the
     * end of the summer half term, has the day's code from {@code codeOfDay} ("/" present) in both
     * sessions, except day 1: absent without a reason (N) in the morning, present in the afternoon.
     * The calculator reads only the days up to the engine's today.
     */
    private Pupil pupil(String digits, Function<LocalDate, String> codeOfDay) {
        Pupil pupil = testSchools.pupil(school, digits, "Test", "Pupil", LocalDate.of(2026, 9, 1));
        jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day : CALENDAR.schoolDays(YEAR_START, LocalDate.of(2027, 5, 28))) {
            String code = day.equals(DAY_1) ? "N" : codeOfDay.apply(day);
            String afternoon = day.equals(DAY_1) || code.equals("/") ? "\\" : code;
            rows.add(new Object[] {pupil.getId(), java.sql.Date.valueOf(day), "AM", code});
            rows.add(new Object[] {pupil.getId(), java.sql.Date.valueOf(day), "PM", afternoon});
        }
        jdbc.batchUpdate("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, ?, ?)", rows);
        return pupil;
    }

    private static void at(LocalDate day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(hour, minute))
                .atZone(LONDON).toInstant()));
    }

    private static Date endOf(LocalDate day) {
        return Date.from(day.atTime(18, 0).atZone(LONDON).toInstant());
    }
}
