package org.attendanceroutes.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.attendance.RegisterImport;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.SchoolRepository;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily evaluation ({@code attendance-review}) starts each route for the pupils who meet its
 * entry rule (processes/route-entry.dmn) and for no one else, starts nothing twice, gives open
 * cases today's figures once, and goes on past a school it cannot evaluate. Schools 930101 to
 * 930105 follow routes 000 to 004 on the demo calendar; pupils are new each run (UPN digits
 * 9301...), as the PostgreSQL run shares its database between runs. Friday 23 October 2026 is the
 * last school day of the autumn half term: the half-termly review of route 003.
 */
@ApplicationTest
class AttendanceReviewTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final SchoolCalendar CALENDAR = DemoCalendar.calendar();
    static final LocalDate HALF_TERM_REVIEW = LocalDate.of(2026, 10, 23);

    @Autowired
    AttendanceReview reviews;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TaskService tasks;
    @Autowired
    TestSchools testSchools;
    @Autowired
    SchoolRepository schools;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    RegisterImport registerImport;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void eachRouteStartsForAPupilWhoMeetsItsEntryRuleAndASecondRunStartsNothing() {
        School actionRoutes = school("930101", "attendance-action-routes");
        School graduated = school("930102", "graduated-attendance-response");
        School framework = school("930103", "attendance-interventions-framework");
        School improvement = school("930104", "attendance-improvement-process");
        School support = school("930105", "supporting-attendance-action-plan");
        // absent every 5th school day: 80 %, persistently absent; no absence without a reason
        Pupil poorAt000 = pupil(actionRoutes, HALF_TERM_REVIEW, 5, "/ \\");
        Pupil presentAt000 = pupil(actionRoutes, HALF_TERM_REVIEW, 0, "/ \\");
        Pupil poorAt001 = pupil(graduated, HALF_TERM_REVIEW, 5, "/ \\");
        // absent every 30th school day: 97.4 %, in the best band
        Pupil at97At001 = pupil(graduated, HALF_TERM_REVIEW, 30, "/ \\");
        Pupil noReasonAt002 = pupil(framework, HALF_TERM_REVIEW, 0, "N N");
        Pupil poorAt002 = pupil(framework, HALF_TERM_REVIEW, 5, "/ \\");
        Pupil poorAt003 = pupil(improvement, HALF_TERM_REVIEW, 5, "/ \\");
        Pupil presentAt003 = pupil(improvement, HALF_TERM_REVIEW, 0, "/ \\");
        Pupil noReasonAt004 = pupil(support, HALF_TERM_REVIEW, 0, "/ N");
        Pupil lateAt004 = pupil(support, HALF_TERM_REVIEW, 5, "L \\");
        List<Pupil> everyone = List.of(poorAt000, presentAt000, poorAt001, at97At001, noReasonAt002, poorAt002,
                poorAt003, presentAt003, noReasonAt004, lateAt004);

        // the day before, route 003 waits for its half-termly review
        clockAt(HALF_TERM_REVIEW.minusDays(1));
        review("930104");
        assertThat(casesOf(poorAt003)).as("below 90 %, but no half-termly review on Thursday").isEmpty();

        clockAt(HALF_TERM_REVIEW);
        review("930101", "930102", "930103", "930104", "930105");

        assertThat(openRoutes(poorAt000)).containsExactly("attendance-action-routes");
        assertThat(openRoutes(poorAt001)).containsExactly("graduated-attendance-response");
        assertThat(openRoutes(noReasonAt002)).containsExactly("attendance-interventions-framework");
        assertThat(openRoutes(poorAt003)).containsExactly("attendance-improvement-process");
        assertThat(openRoutes(noReasonAt004)).containsExactly("supporting-attendance-action-plan");
        for (Pupil notMeetingTheRule : List.of(presentAt000, at97At001, poorAt002, presentAt003, lateAt004)) {
            assertThat(casesOf(notMeetingTheRule)).as(notMeetingTheRule.getUpn()).isEmpty();
        }
        InterventionCase started = casesOf(noReasonAt004).get(0);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started.getProcessInstanceId())
                .singleResult().getBusinessKey()).isEqualTo(noReasonAt004.getUpn());
        assertThat(runtime.getVariable(started.getProcessInstanceId(), "unexplainedSessionsLastDay"))
                .as("the route starts with today's figures").isEqualTo(1);

        long instancesBefore = runtime.createProcessInstanceQuery().count();
        review("930101", "930102", "930103", "930104", "930105");

        assertThat(everyone.stream().mapToInt(pupil -> casesOf(pupil).size()).sum()).as("no case started twice")
                .isEqualTo(5);
        assertThat(runtime.createProcessInstanceQuery().count()).as("no route started").isEqualTo(instancesBefore);
        String frameworkRoute = casesOf(noReasonAt002).get(0).getProcessInstanceId();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(frameworkRoute)
                .activityId("attendance-updated").count()).as("the figures it started with are not sent again").isZero();
    }

    @Test
    void anOpenCaseReceivesNewFiguresOnceAndMoves() {
        School framework = school("930103", "attendance-interventions-framework");
        // 80 % and no reason for Friday's absence: stage 1
        Pupil pupil = pupil(framework, HALF_TERM_REVIEW, 5, "N N");
        clockAt(HALF_TERM_REVIEW);
        review("930103");
        String route = casesOf(pupil).get(0).getProcessInstanceId();
        assertThat(firstDayCalls(route)).isZero();

        // Monday after half term: absent again without a reason
        LocalDate monday = LocalDate.of(2026, 11, 2);
        mark(pupil, monday, "N N");
        clockAt(monday);
        review("930103");
        assertThat(firstDayCalls(route)).as("the message's figures: below 95 %, absent without a reason today")
                .isOne();
        assertThat(runtime.getVariable(route, "figuresDate")).isEqualTo(monday.toString());

        review("930103");
        assertThat(firstDayCalls(route)).as("the same figures are not applied twice").isOne();
        clockAt(monday.plusDays(1));
        review("930103");
        assertThat(firstDayCalls(route)).as("Tuesday's register not taken yet: nothing new to act on").isOne();
        assertThat(casesOf(pupil)).as("the open case, no other").singleElement()
                .extracting(InterventionCase::getStatus).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aSchoolThatCannotBeEvaluatedRaisesAnIncidentNamingItAndTheOthersGoOn() {
        School actionRoutes = school("930101", "attendance-action-routes");
        // no calendar loaded: no school days to count
        School broken = schools.findByUrn("930109").orElseGet(() -> {
            School school = new School("930109", "Test School 930109", "attendance-action-routes");
            school.setAddress("1 Test Road", null, "Testtown", "TT1 1TT");
            school.setLetterhead("01632 960000", "office@930109.test.invalid", "Mrs H. Head", "Mr A. Lead");
            return schools.save(school);
        });
        Pupil poor = pupil(actionRoutes, HALF_TERM_REVIEW, 5, "/ \\");
        testSchools.pupil(broken, "9301" + eightDigits(), "Test", "Pupil", LocalDate.of(2026, 9, 1));
        clockAt(HALF_TERM_REVIEW);

        ProcessInstance review = review("930109", "930101");

        assertThat(openRoutes(poor)).containsExactly("attendance-action-routes");
        Incident incident = runtime.createIncidentQuery().processInstanceId(review.getId()).singleResult();
        assertThat(incident).as("one incident, the broken school's").isNotNull();
        assertThat(incident.getIncidentMessage()).startsWith("school 930109 (Test School 930109) could not be evaluated: ")
                .contains("calendar");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).singleResult())
                .as("the review waits on the broken school in Cockpit").isNotNull();
    }

    @Test
    void anImportOfRegisterMarksEvaluatesTheSchoolsItTouched() throws Exception {
        School support = school("930105", "supporting-attendance-action-plan");
        Pupil pupil = pupil(support, HALF_TERM_REVIEW.minusDays(1), 0, "/ \\");
        clockAt(HALF_TERM_REVIEW);

        var result = registerImport.importCsv(new StringReader(RegisterImport.HEADER + "\n"
                + pupil.getUpn() + "," + HALF_TERM_REVIEW + ",AM,N\n"
                + pupil.getUpn() + "," + HALF_TERM_REVIEW + ",PM,N\n"), "officer");
        assertThat(result.imported()).isTrue();

        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY)
                .variableValueEquals(SchoolsToReview.SCHOOL_URNS, "930105").active().list().stream()
                .filter(instance -> management.createJobQuery().processInstanceId(instance.getId()).count() > 0)
                .findFirst().orElseThrow();
        runJobs(review);
        assertThat(openRoutes(pupil)).containsExactly("supporting-attendance-action-plan");
    }

    private School school(String urn, String route) {
        return testSchools.school(urn, route, DemoCalendar.file());
    }

    /**
     * A new pupil on roll from the first day of the year, absent ("O O") on every {@code n}th
     * school day up to {@code lastDay} (none for n = 0), with {@code lastDayCodes} on the last.
     */
    private Pupil pupil(School school, LocalDate lastDay, int n, String lastDayCodes) {
        Pupil pupil = testSchools.pupil(school, "9301" + eightDigits(), "Test", "Pupil", LocalDate.of(2026, 9, 1));
        List<LocalDate> days = CALENDAR.schoolDays(CALENDAR.startOfAcademicYear(lastDay), lastDay);
        for (int i = 0; i < days.size(); i++) {
            mark(pupil, days.get(i), i == days.size() - 1 ? lastDayCodes : n > 0 && i % n == n - 1 ? "O O" : "/ \\");
        }
        return pupil;
    }

    private void mark(Pupil pupil, LocalDate day, String codes) {
        String[] both = codes.split(" ");
        jdbc.update("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, 'AM', ?), (?, ?, 'PM', ?)",
                pupil.getId(), Date.valueOf(day), both[0], pupil.getId(), Date.valueOf(day), both[1]);
    }

    private static String eightDigits() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private void clockAt(LocalDate day) {
        ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(18, 30).atZone(LONDON).toInstant()));
    }

    /** Starts the review for these schools and runs its jobs, each school's until it succeeds or its retries are spent. */
    private ProcessInstance review(String... urns) {
        ProcessInstance review = reviews.start(List.of(urns));
        runJobs(review);
        return review;
    }

    private void runJobs(ProcessInstance review) {
        for (List<Job> jobs = retriable(review); !jobs.isEmpty(); jobs = retriable(review)) {
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the failure is the job's: it is retried, then an incident
                }
            }
        }
    }

    private List<Job> retriable(ProcessInstance review) {
        return new ArrayList<>(management.createJobQuery().processInstanceId(review.getId()).withRetriesLeft().list());
    }

    private List<InterventionCase> casesOf(Pupil pupil) {
        return cases.findByPupilIdOrderByOpenedOnDesc(pupil.getId());
    }

    private List<String> openRoutes(Pupil pupil) {
        return casesOf(pupil).stream().filter(found -> found.getStatus() == CaseStatus.OPEN)
                .map(InterventionCase::getRouteKey).toList();
    }

    private long firstDayCalls(String route) {
        return tasks.createTaskQuery().processInstanceId(route).taskDefinitionKey("officer-first-day-call").count();
    }
}
