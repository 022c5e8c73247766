package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.attendance.AttendanceCode;
import org.attendanceroutes.attendance.AttendanceMark;
import org.attendanceroutes.attendance.AttendanceMarkRepository;
import org.attendanceroutes.attendance.Session;
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
import org.attendanceroutes.letters.LetterRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The paths of the "Attendance action routes" (seeds/000), driven by the pupil's register: the
 * test writes the marks of each monitoring period, moves the engine's clock to the period's end,
 * fires the timer, and checks where the route waits and what the case, its targets, events and
 * letters hold. Together the paths cover every flow node and sequence flow (the coverage report
 * is under target/process-test-coverage/).
 */
@RouteTest
class AttendanceActionRoutesTest {

    static final String ROUTE = "attendance-action-routes";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FIRST_SCHOOL_DAY = LocalDate.of(2026, 9, 3);
    /** Monday of the third week of the autumn term: the route starts on the figures of the first two. */
    static final LocalDateTime START = LocalDateTime.of(2026, 9, 21, 9, 0);

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;
    @Autowired
    TestSchools testSchools;
    @Autowired
    AttendanceMarkRepository marks;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    TargetRepository targets;
    @Autowired
    LetterRepository letterRecords;

    final SchoolCalendar calendar = DemoCalendar.calendar();
    Pupil pupil;
    ProcessInstance route;
    Long caseId;
    /** The last day the pupil's register is written for. */
    LocalDate registerTo;

    @BeforeEach
    void useThisEngine() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void improvedAfterLetter1EndsWithContinuedSupportFromTheKeyWorker() {
        start("950000000011");

        Task factFind = waitingFor("fact-find", "attendance-officers");
        assertThat(factFind.getDueDate()).as("10 school days").isEqualTo(endOfSchoolDay(LocalDate.of(2026, 10, 5)));
        complete(factFind, factFind());
        assertThat(targets.findByCaseIdOrderByStartDate(caseId)).singleElement().satisfies(target -> {
            assertThat(target.getRequiredPercent()).isEqualByComparingTo("95");
            assertThat(target.getStartDate()).isEqualTo(LocalDate.of(2026, 9, 22));
            // 6 school weeks, the half-term week skipped
            assertThat(target.getEndDate()).isEqualTo(LocalDate.of(2026, 11, 9));
        });
        sendLetter("letter-1");

        monitorUntil("target-1-over", 0);
        assertThat(route).variables().containsEntry("targetAchieved", true);
        Task support = waitingFor("continued-support", "key-workers");
        complete(support, Map.of("supportPlan", "Weekly check-in with the key worker until Christmas",
                "parentToldOfImprovement", true));

        assertThat(route).hasPassedInOrder("start", "stage-letter-1", "calculate-entry", "fact-find", "set-target-1",
                "calculate-letter-1", "letter-1", "target-1-over", "review-target-1", "target-1-gateway",
                "continued-support").isEnded();
        assertThat(route).hasPassed("end-improved-letter-1");
        assertClosed("Letter 1", "Improved after letter 1");
        assertThat(letters()).containsExactly("ACTION_LETTER_1");
        assertThat(targetResults()).containsExactly(TargetResult.ACHIEVED);
        assertThat(event(CaseEventType.CONTACT_ATTEMPTED).getDetails())
                .contains("Contact attempted: yes, made: yes", "Facts found: Mum works early shifts",
                        "Referred to Early Help");
        assertThat(event(CaseEventType.SUPPORT_OFFERED).getDetails()).contains("Weekly check-in");
    }

    @Test
    void improvedAfterLetter2WithATargetAndItsReward() {
        start("950000000022");
        letter1WithContinuedAbsence();

        assertThat(route).hasPassed("stage-letter-2", "calculate-letter-2");
        sendLetter("letter-2");
        keyWorkerMeeting();
        assertThat(targets.findByCaseIdOrderByStartDate(caseId)).last().satisfies(target -> {
            assertThat(target.getRequiredPercent()).isEqualByComparingTo("95");
            assertThat(target.getReward()).isEqualTo("A cinema voucher");
        });

        monitorUntil("target-2-over", 0);

        assertThat(route).hasPassed("review-target-2", "target-2-gateway", "end-improved-letter-2").isEnded();
        assertClosed("Letter 2", "Improved after letter 2");
        assertThat(letters()).containsExactly("ACTION_LETTER_1", "ACTION_LETTER_2");
        assertThat(targetResults()).containsExactly(TargetResult.MISSED, TargetResult.ACHIEVED);
        assertThat(event(CaseEventType.HOME_VISIT).getDetails())
                .contains("With Mother and pupil", "Register explored together", "Reward agreed: A cinema voucher");
    }

    @Test
    void improvedAfterLetter3WithAnActionPlanAndAVerbalLegalWarning() {
        start("950000000033");
        letter1WithContinuedAbsence();
        letter2WithoutImprovement();

        assertThat(route).hasPassed("stage-letter-3", "calculate-letter-3");
        sendLetter("letter-3");
        LocalDate warned = today();
        actionPlanMeeting();
        assertThat(event(CaseEventType.WARNING_GIVEN).getSummary())
                .isEqualTo("Verbal legal warning given by Mr K. Worker on " + warned);
        assertThat(event(CaseEventType.ACTION_PLAN_AGREED).getDetails())
                .isEqualTo("At school, with Father: Walk to school with a friend; call the office by 9:00 on any absence");

        monitorUntil("target-3-over", 0);

        assertThat(route).hasPassed("record-warning-letter-3", "set-target-3", "review-target-3", "target-3-gateway",
                "end-improved-letter-3").isEnded();
        assertClosed("Letter 3", "Improved after letter 3");
        assertThat(letters()).containsExactly("ACTION_LETTER_1", "ACTION_LETTER_2", "ACTION_LETTER_3");
        assertThat(targetResults()).containsExactly(TargetResult.MISSED, TargetResult.MISSED, TargetResult.ACHIEVED);
    }

    @Test
    void fortnightlyReviewsEndWhenAttendanceThisYearIsBackAt90AfterTwoReviews() {
        // absent 3 of the first 12 school days and 3 days in each 6-week period: 24 sessions missed by the
        // meeting, so the year's figure needs two good fortnights to reach 90 %
        start("950000000044", 3);
        reachTheLegalWarningMeeting();

        monitorUntil("fortnight-over", 0);
        assertThat(route).variables().containsEntry("targetAchieved", true);
        assertThat(route).variables().as("202 of 226 sessions").containsEntry("attendancePercent", 89.4);
        Task review = waitingFor("fortnightly-review", "attendance-officers");
        assertThat(route).hasPassed("acceptable-gateway", "set-next-fortnight");
        complete(review, Map.of("reviewedWith", "Mother and pupil", "reviewNotes", "Good fortnight: keep it up"));

        monitorUntil("fortnight-over", 0);
        assertThat(route).variables().as("222 of 246 sessions").containsEntry("attendancePercent", 90.2);

        assertThat(route).hasPassed("end-acceptable").isEnded();
        assertClosed("Legal warning", "Attendance at an acceptable level after fortnightly reviews");
        assertThat(letters()).containsExactly("ACTION_LETTER_1", "ACTION_LETTER_2", "ACTION_LETTER_3",
                "ACTION_LEGAL_WARNING_MEETING");
        List<Target> set = targets.findByCaseIdOrderByStartDate(caseId);
        assertThat(set).extracting(Target::getResult).containsExactly(TargetResult.MISSED, TargetResult.MISSED,
                TargetResult.MISSED, TargetResult.ACHIEVED, TargetResult.ACHIEVED);
        // the second fortnight starts the school day after the first ends: every day is under review
        assertThat(set.get(4).getStartDate()).isEqualTo(calendar.nextSchoolDayFrom(set.get(3).getEndDate().plusDays(1)));
        assertThat(event(CaseEventType.MEETING_HELD).getDetails()).isEqualTo("With Mother and pupil: Good fortnight: keep it up");
    }

    @Test
    void targetsNotMetAndSltAsksForProsecutionWithWitnessStatements() {
        start("950000000055");
        reachTheLegalWarningMeeting();
        targetsNotMetPresentedToSlt();

        Task decision = waitingFor("slt-decision", "slt");
        complete(decision, Map.of("sltDecision", "REFER", "sltReason", "No improvement after every stage"));
        Task statements = waitingFor("witness-statements", "attendance-officers");
        complete(statements, Map.of("witnesses", "Attendance officer; key worker", "evidenceAttendanceRecord", true,
                "evidenceLetters", true, "evidenceMeetings", true, "evidenceTargets", true));

        assertThat(route).hasPassed("refer", "end-referred").isEnded();
        assertClosed("Targets not met", "Referred for prosecution");
        assertThat(event(CaseEventType.DECISION_RECORDED).getDetails())
                .isEqualTo("Prosecution to be requested: No improvement after every stage");
        assertThat(event(CaseEventType.REFERRAL_MADE)).isNotNull();
    }

    @Test
    void targetsNotMetAndSltDoesNotProceedEndsWithSltsReason() {
        start("950000000066");
        reachTheLegalWarningMeeting();
        targetsNotMetPresentedToSlt();

        Task decision = waitingFor("slt-decision", "slt");
        String reason = "Family now working with Early Help; the school reviews attendance again at half term";
        complete(decision, Map.of("sltDecision", "DO_NOT_REFER", "sltReason", reason));

        assertThat(route).hasPassed("end-not-referred").hasNotPassed("witness-statements", "refer").isEnded();
        // the outcome holds 70 characters of the reason (as many as the form allows), the decision all of it
        assertClosed("Targets not met", "Not referred for prosecution: " + reason.substring(0, 70));
        assertThat(event(CaseEventType.DECISION_RECORDED).getDetails()).isEqualTo("Not referred for prosecution: " + reason);
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId))
                .extracting(CaseEvent::getEventType).doesNotContain(CaseEventType.REFERRAL_MADE);
    }

    // the route's steps, as staff would take them --------------------------------------------------------------

    void letter1WithContinuedAbsence() {
        complete(waitingFor("fact-find", "attendance-officers"), factFind());
        sendLetter("letter-1");
        monitorUntil("target-1-over", 3);
        assertThat(route).variables().containsEntry("targetAchieved", false);
    }

    void keyWorkerMeeting() {
        complete(waitingFor("meeting-letter-2", "key-workers"), Map.of("meetingPlace", "home visit",
                "attendedBy", "Mother and pupil", "registerExplored", true,
                "issuesExplained", "Every missed day is a lost day of learning",
                "parentInformation", "Mornings are hard since the new baby", "targetReward", "A cinema voucher"));
    }

    void letter2WithoutImprovement() {
        sendLetter("letter-2");
        keyWorkerMeeting();
        monitorUntil("target-2-over", 3);
    }

    void actionPlanMeeting() {
        complete(waitingFor("meeting-letter-3", "key-workers"), Map.of("meetingPlace", "school",
                "attendedBy", "Father",
                "actionPlan", "Walk to school with a friend; call the office by 9:00 on any absence",
                "warningGivenBy", "Mr K. Worker", "warningGivenOn", today().toString()));
    }

    void reachTheLegalWarningMeeting() {
        letter1WithContinuedAbsence();
        letter2WithoutImprovement();
        sendLetter("letter-3");
        actionPlanMeeting();
        monitorUntil("target-3-over", 3);

        assertThat(route).hasPassed("stage-legal-warning", "calculate-legal-warning");
        sendLetter("letter-legal-warning");
        complete(waitingFor("legal-warning-meeting", "attendance-officers"), Map.of("attendedBy", "Mother",
                "warningGivenBy", "Ms A. Officer", "warningGivenOn", today().toString(),
                "meetingNotes", "Targets and fortnightly reviews explained"));
        assertThat(event(CaseEventType.WARNING_GIVEN, 1).getDetails()).isEqualTo("Verbal legal warning given by "
                + "Ms A. Officer on " + today() + ", at the meeting with Mother. Targets and fortnightly reviews explained");
        assertThat(targets.findByCaseIdOrderByStartDate(caseId)).last().satisfies(fortnight -> {
            assertThat(fortnight.getStartDate()).isEqualTo(calendar.nextSchoolDayFrom(today().plusDays(1)));
            assertThat(calendar.schoolDaysBetween(fortnight.getStartDate(), fortnight.getEndDate()))
                    .as("two school weeks").isEqualTo(10);
        });
    }

    void targetsNotMetPresentedToSlt() {
        monitorUntil("fortnight-over", 2);
        assertThat(route).hasPassed("fortnight-gateway", "stage-targets-not-met").hasNotPassed("acceptable-gateway");

        complete(waitingFor("inform-parent", "attendance-officers"), Map.of("informedHow", "by telephone",
                "informedOn", today().toString(), "parentResponse", "Will come in to discuss"));
        assertThat(event(CaseEventType.WARNING_GIVEN, 2).getDetails()).startsWith("Told by telephone on " + today()
                + " that the facts will be presented to the Education Welfare Officer and the city council");
        sendLetter("letter-prosecution");
        complete(waitingFor("present-to-slt", "attendance-officers"), Map.of("caseSummary",
                "Three letters, an action plan, two legal warnings, a fortnight missed",
                "recommendation", "ask for prosecution to be considered"));
        assertThat(letters()).containsExactly("ACTION_LETTER_1", "ACTION_LETTER_2", "ACTION_LETTER_3",
                "ACTION_LEGAL_WARNING_MEETING", "ACTION_PROSECUTION_NOTICE");
        assertThat(targetResults()).endsWith(TargetResult.MISSED);
    }

    // the route's machinery --------------------------------------------------------------------------------------

    /** A pupil of the test school, absent on {@code absentDays} of the first school days, and the route started. */
    void start(String upnDigits, int absentDays) {
        School school = testSchools.school("950001", ROUTE, DemoCalendar.file());
        pupil = testSchools.pupil(school, upnDigits, "Robin", "Action", FIRST_SCHOOL_DAY.minusDays(2));
        // a second run on the same (PostgreSQL) database starts from an empty register again
        marks.deleteAll(marks.findByPupilIdAndMarkDateBetweenOrderByMarkDateAscSessionAsc(pupil.getId(),
                calendar.firstDay(), calendar.lastDay()));
        ClockUtil.setCurrentTime(date(START));
        registerTo = FIRST_SCHOOL_DAY.minusDays(1);
        writeRegister(START.toLocalDate().minusDays(1), absentDays, true);
        route = runtime.startProcessInstanceByKey(ROUTE, pupil.getUpn());
        assertThat(route).isStarted().hasBusinessKey(pupil.getUpn()).variables().containsEntry("upn", pupil.getUpn());
        caseId = (Long) runtime.getVariable(route.getId(), "caseId");
        assertThat(cases.findById(caseId)).get().extracting(InterventionCase::getPupilId, InterventionCase::getStatus,
                InterventionCase::getCurrentStage).containsExactly(pupil.getId(), CaseStatus.OPEN, "Letter 1");
    }

    void start(String upnDigits) {
        start(upnDigits, 4);
    }

    Task waitingFor(String taskKey, String group) {
        assertThat(route).isWaitingAt(taskKey);
        Task task = task(route);
        assertThat(task).hasCandidateGroup(group);
        assertThat(task.getDueDate()).as("due at the end of a school day").isNotNull()
                .satisfies(due -> assertThat(LocalDateTime.ofInstant(due.toInstant(), LONDON).getHour()).isEqualTo(18));
        assertThat(forms.getDeployedTaskForm(task.getId())).as("the task's Camunda Form").isNotEmpty();
        return task;
    }

    /** Letters are sent by a job of their own (retried by the engine if delivery fails). */
    void sendLetter(String letterKey) {
        assertThat(route).isWaitingAt(letterKey);
        execute(job(route));
    }

    /**
     * Writes the register up to the end of the timer's day, absent on its last {@code absentDays}
     * school days (inside the target's period), then fires the timer as the engine would at that time.
     */
    void monitorUntil(String timerKey, int absentDays) {
        assertThat(route).isWaitingAt(timerKey);
        Job timer = job(route);
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), LONDON);
        writeRegister(due.toLocalDate(), absentDays, false);
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
    }

    /** Marks every school day after the register so far up to {@code to}; absences first or last. */
    void writeRegister(LocalDate to, int absentDays, boolean absentFirst) {
        List<LocalDate> days = calendar.schoolDays(registerTo.plusDays(1), to);
        List<AttendanceMark> written = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            boolean absent = absentFirst ? i < absentDays : i >= days.size() - absentDays;
            written.add(new AttendanceMark(pupil.getId(), days.get(i), Session.AM,
                    absent ? AttendanceCode.OTHER_UNAUTHORISED : AttendanceCode.PRESENT_AM));
            written.add(new AttendanceMark(pupil.getId(), days.get(i), Session.PM,
                    absent ? AttendanceCode.OTHER_UNAUTHORISED : AttendanceCode.PRESENT_PM));
        }
        marks.saveAll(written);
        registerTo = to;
    }

    Map<String, Object> factFind() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("contactAttempted", true);
        answers.put("contactMade", true);
        answers.put("homeVisit", false);
        answers.put("factsFound", "Mum works early shifts; Robin gets himself to school");
        answers.put("expectationsSet", "In school every day by 8:40");
        answers.put("externalReferral", true);
        answers.put("externalAgency", "Early Help");
        return answers;
    }

    void assertClosed(String stage, String outcome) {
        InterventionCase closed = cases.findById(caseId).orElseThrow();
        assertThat(closed).extracting(InterventionCase::getStatus, InterventionCase::getCurrentStage,
                InterventionCase::getOutcome).containsExactly(CaseStatus.CLOSED, stage, outcome);
        assertThat(event(CaseEventType.CASE_CLOSED).getSummary()).isEqualTo(outcome);
    }

    List<String> letters() {
        return letterRecords.findByCaseIdOrderById(caseId).stream().map(letter -> letter.getLetterType().name()).toList();
    }

    List<TargetResult> targetResults() {
        return targets.findByCaseIdOrderByStartDate(caseId).stream().map(Target::getResult).toList();
    }

    CaseEvent event(CaseEventType type) {
        return event(type, 0);
    }

    /** The case's {@code index}th event of this type (0 for the first). */
    CaseEvent event(CaseEventType type, int index) {
        List<CaseEvent> ofType = events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId).stream()
                .filter(e -> e.getEventType() == type).toList();
        assertThat(ofType).as("%s events", type).hasSizeGreaterThan(index);
        return ofType.get(index);
    }

    LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON);
    }

    static Date endOfSchoolDay(LocalDate day) {
        return date(day.atTime(18, 0));
    }

    static Date date(LocalDateTime local) {
        return Date.from(local.atZone(LONDON).toInstant());
    }
}
