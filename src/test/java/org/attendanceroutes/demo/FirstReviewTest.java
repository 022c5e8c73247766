package org.attendanceroutes.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.attendanceroutes.routes.AttendanceReview;
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
 * The demo's first start evaluates the schools at once, so cases and tasks are there without anyone
 * starting them, and a later start does not evaluate again.
 */
@SpringBootTest(properties = "attendance.demo.data=true")
class FirstReviewTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @BeforeAll
    static void setTheEngineClock() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(16, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    @AfterAll
    static void resetTheEngineClock() {
        ClockUtil.reset();
    }

    @Autowired
    FirstReview firstReview;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstStartEvaluatesTheDemoSchoolsSoCasesAppearWithoutAnyoneStartingThem() {
        // a database of its own (H2): the review cannot have run before this start
        assumeTrue(jdbc.queryForObject("select count(*) from school where urn not like '14000%'", Long.class) == 0,
                "a shared database, where an earlier start may have run the review");
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY)
                .singleResult();
        assertThat(review).as("started at start-up, after the demo data and demo cases").isNotNull();
        long demoCases = openDemoCases();

        for (Job job : management.createJobQuery().processInstanceId(review.getId()).list()) {
            management.executeJob(job.getId());
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
