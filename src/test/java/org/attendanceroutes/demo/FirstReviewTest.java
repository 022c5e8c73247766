package org.attendanceroutes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.attendanceroutes.routes.AttendanceReview;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's first start evaluates the schools at once, so cases and tasks are there without anyone
 * starting them, and a later start does not evaluate again. Only the demo schools' jobs run here: on
 * PostgreSQL the review would also reach other tests' schools.
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
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstStartEvaluatesTheDemoSchoolsAndALaterStartDoesNot() {
        long reviews = history.createHistoricProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).count();
        assertThat(reviews).as("the review has run, at this start or an earlier one").isPositive();

        List<Long> demoSchools = jdbc.queryForList("select id from school where urn like '14000%'", Long.class);
        for (Job job : management.createJobQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).messages().list()) {
            if (demoSchools.contains(((Number) runtime.getVariable(job.getExecutionId(), "schoolId")).longValue())) {
                management.executeJob(job.getId());
            }
        }
        List<String> routesWithCases = jdbc.queryForList("""
                select distinct c.route_key from intervention_case c join pupil p on p.id = c.pupil_id
                join school s on s.id = p.school_id where s.urn like '14000%' and c.status = 'OPEN'""", String.class);
        assertThat(routesWithCases).as("cases on the demo schools' routes").isNotEmpty();
        assertThat(tasks.createTaskQuery().processDefinitionKeyIn("attendance-action-routes", "graduated-attendance-response",
                "attendance-interventions-framework", "attendance-improvement-process", "supporting-attendance-action-plan")
                .count()).as("tasks in Tasklist").isPositive();

        firstReview.evaluateOnce();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).count())
                .as("a later start evaluates nothing by itself").isEqualTo(reviews);
    }
}
