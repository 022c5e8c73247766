package org.attendanceroutes.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.TestClock;
import org.attendanceroutes.review.AttendanceReview;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo data and demo cases have the shape the README promises, and the demo's first start
 * evaluates the schools at once, so cases and tasks are there without anyone starting them (a later
 * start does not evaluate again).
 */
@SpringBootTest(properties = {"attendance.demo.data=true", TestClock.PROPERTY + "=" + DemoDataTest.START})
class DemoDataTest {

    /** The context starts, and so loads the demo data and runs the first review, on this London time. */
    static final String START = "2026-11-20T16:00";

    @BeforeAll
    static void setTheEngineClock() {
        // the context may have started before this class (its data is of START all the same): the
        // tests run the first review's jobs on the same day
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(START).atZone(TestClock.LONDON).toInstant()));
    }

    @AfterAll
    static void resetTheEngineClock() {
        ClockUtil.reset();
    }

    /** The demo schools' marks only: on PostgreSQL other tests' data shares the database. */
    static final String DEMO_MARKS = "(select m.* from attendance_mark m join pupil p on p.id = m.pupil_id"
            + " join school s on s.id = p.school_id where s.urn like '14000%') demo";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService managementService;
    @Autowired
    DemoCases demoCases;
    @Autowired
    FirstReview firstReview;
    @Autowired
    HistoryService history;

    @Test
    void fiveSchoolsEachFollowOneOfTheFiveRoutes() {
        List<String> routes = jdbc.queryForList(
                "select route_key from school where urn in ('140001','140002','140003','140004','140005') order by urn",
                String.class);
        assertThat(routes).containsExactly("attendance-action-routes", "graduated-attendance-response",
                "attendance-interventions-framework", "attendance-improvement-process",
                "supporting-attendance-action-plan");
    }

    @Test
    void eachSchoolHasAboutTwoHundredPupilsWithContactsAndTwoYearsOfCalendar() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select s.urn, count(distinct p.id) pupils, count(distinct c.pupil_id) with_contacts,
                       (select count(distinct h.academic_year) from calendar_half_term h where h.school_id = s.id) years
                from school s join pupil p on p.school_id = s.id left join contact c on c.pupil_id = p.id
                where s.urn like '14000%' group by s.id, s.urn""");
        assertThat(rows).hasSize(5).allSatisfy(row -> {
            assertThat(((Number) row.get("pupils")).intValue()).isEqualTo(200);
            assertThat(((Number) row.get("with_contacts")).intValue()).isEqualTo(200);
            assertThat(((Number) row.get("years")).intValue()).isEqualTo(2);
        });
    }

    @Test
    void marksRunFromTheFirstSchoolDayToTodayOnSchoolDaysOnly() {
        Map<String, Object> span = jdbc.queryForMap("select min(mark_date) first_day, max(mark_date) last_day from " + DEMO_MARKS);
        assertThat(span.get("first_day").toString()).isEqualTo("2026-09-03"); // 1 and 2 September are INSET days
        assertThat(span.get("last_day").toString()).isEqualTo("2026-11-20");
        assertThat(jdbc.queryForObject("select count(*) from " + DEMO_MARKS + " where mark_date between '2026-10-26' and '2026-10-30'",
                Long.class)).as("marks in the half-term break").isZero();
    }

    @Test
    void mostPupilsAttendWellWithATailOfPersistentAndSevereAbsence() {
        List<Double> percents = jdbc.queryForList("""
                select 100.0 * sum(case when code in ('/', '\\', 'L', 'K', 'V', 'P', 'W', 'B') then 1 else 0 end) / count(*)
                from """ + DEMO_MARKS + " group by pupil_id", Double.class);
        long good = percents.stream().filter(p -> p >= 95).count();
        long below90 = percents.stream().filter(p -> p < 90).count();
        long severe = percents.stream().filter(p -> p <= 50).count();
        assertThat(good).as("pupils at 95 %% or more of %d", percents.size()).isGreaterThan(percents.size() / 2);
        assertThat(below90).as("persistent absence tail").isBetween(50L, 300L);
        assertThat(severe).as("severe absence").isPositive();
    }

    @Test
    void registersShowLatenessAndRecentUnexplainedAbsence() {
        assertThat(jdbc.queryForObject("select count(*) from " + DEMO_MARKS + " where code = 'L'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from " + DEMO_MARKS + " where code = 'U'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from " + DEMO_MARKS + " where code = 'N' and mark_date >= '2026-11-18'",
                Long.class)).isPositive();
    }

    @Test
    void aFewPupilsJoinedMidYearAndHaveNoMarksBeforeAdmission() {
        assertThat(jdbc.queryForObject("select count(*) from pupil where admission_date > '2026-09-03'", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject("""
                select count(*) from attendance_mark m join pupil p on p.id = m.pupil_id
                where m.mark_date < p.admission_date""", Long.class)).isZero();
    }

    @Test
    void aPupilOfTheImprovementSchoolStandsAtEachStageOfItsRoute() {
        assertThat(openStages("140004")).containsExactlyInAnyOrder("Stage 1", "Stage 2", "Stage 3", "Stage 4");
        // the stage 4 letter waits for the job executor (off in tests), then the referral
        assertThat(managementService.createJobQuery().activityId("letter-referral").count()).isOne();
    }

    @Test
    void everyDemoSchoolHasAPupilAtEachStageOfItsRoute() {
        Map<String, Integer> stagesByUrn = Map.of("140001", 5, "140002", 5, "140003", 5, "140004", 4, "140005", 5);
        stagesByUrn.forEach((urn, stages) -> assertThat(openStages(urn)).as("open stages at %s", urn).hasSize(stages));
        List<String> notes = jdbc.queryForList("""
                select e.summary from case_event e join intervention_case c on c.id = e.case_id
                join pupil p on p.id = c.pupil_id join school s on s.id = p.school_id
                where s.urn = '140004' and e.event_type = 'NOTE'""", String.class);
        assertThat(notes).contains("Placed at Stage 4 for the demonstration");
    }

    @Test
    void theDemoCasesArePlacedOnlyOnce() throws Exception {
        long before = runtime.createProcessInstanceQuery().count();
        demoCases.run(null);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    private List<String> openStages(String urn) {
        return jdbc.queryForList("""
                select distinct c.current_stage from intervention_case c join pupil p on p.id = c.pupil_id
                join school s on s.id = p.school_id where s.urn = ? and c.status = 'OPEN'""", String.class, urn);
    }

    @Test
    void theFirstStartEvaluatesTheDemoSchoolsSoCasesAppearWithoutAnyoneStartingThem() {
        // a database of its own (H2): the review cannot have run before this start
        assumeTrue(jdbc.queryForObject("select count(*) from school where urn not like '14000%'", Long.class) == 0,
                "a shared database, where an earlier start may have run the review");
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY)
                .singleResult();
        assertThat(review).as("started at start-up, after the demo data and demo cases").isNotNull();
        long demoCases = openDemoCases();

        for (Job job : managementService.createJobQuery().processInstanceId(review.getId()).list()) {
            managementService.executeJob(job.getId());
        }

        assertThat(openDemoCases()).as("cases opened by the evaluation").isGreaterThan(demoCases);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count())
                .as("every demo school evaluated").isZero();
    }

    @Test
    void aLaterStartEvaluatesNothingByItself() {
        long reviews = reviews();
        assertThat(reviews).as("the review has run, at this start or an earlier one").isPositive();

        firstReview.evaluateOnce();

        assertThat(reviews()).isEqualTo(reviews);
    }

    private long reviews() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).count();
    }

    private long openDemoCases() {
        return jdbc.queryForObject("""
                select count(*) from intervention_case c join pupil p on p.id = c.pupil_id
                join school s on s.id = p.school_id where s.urn like '14000%' and c.status = 'OPEN'""", Long.class);
    }
}
