package org.attendanceroutes.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.routes.RouteTest;
import org.attendanceroutes.school.SchoolRepository;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The daily evaluation's own paths ({@code attendance-review}): the evening timer and the request
 * after an import. Kept apart from {@link AttendanceReviewTest}, whose evaluations start the
 * routes: the coverage check counts every process a class runs. School 930108 has no pupils, so
 * evaluating it starts nothing.
 */
@RouteTest
class AttendanceReviewPathsTest {

    static final String URN = "930108";

    @Autowired
    AttendanceReview reviews;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolRepository schools;
    @Autowired
    TestSchools testSchools;

    @Test
    void theEveningTimerComesFromConfigurationAndStartsTheEvaluationOfEverySchool() {
        Job timer = management.createJobQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).timers()
                .singleResult();
        assertThat(timer).as("the timer start event's job").isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.toLocalTime()).as("attendance.review.cycle: 18:30").hasToString("18:30");
        assertThat(due.getDayOfWeek().getValue()).as("Monday to Friday").isLessThanOrEqualTo(5);

        testSchools.school(URN, "attendance-improvement-process", DemoCalendar.file());
        List<String> before = instanceIds();
        management.executeJob(timer.getId());
        ProcessInstance evening = runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY)
                .list().stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
        // one job a school; not run here, as the shared database holds other tests' schools
        assertThat(management.createJobQuery().processInstanceId(evening.getId()).count()).isEqualTo(schools.count());
        runtime.deleteProcessInstance(evening.getId(), "test: the evening's jobs are not run");
    }

    @Test
    void aRequestedReviewEvaluatesTheSchoolsNamedAndEnds() {
        testSchools.school(URN, "attendance-improvement-process", DemoCalendar.file());
        ProcessInstance review = reviews.start(List.of(URN));
        List<Job> jobs = management.createJobQuery().processInstanceId(review.getId()).list();
        assertThat(jobs).as("one job for the one school").hasSize(1);
        management.executeJob(jobs.get(0).getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.getId()).count())
                .as("every school evaluated: the review has ended").isZero();
    }

    private List<String> instanceIds() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AttendanceReview.PROCESS_KEY).list().stream()
                .map(ProcessInstance::getId).toList();
    }
}
