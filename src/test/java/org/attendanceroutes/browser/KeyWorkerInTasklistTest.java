package org.attendanceroutes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.attendanceroutes.routes.RouteDriver;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The key worker's day in a real browser: route 000 (attendance action routes) has sent letter 2
 * for a pupil whose attendance did not improve, and the key worker's meeting waits. The key worker
 * finds it in Tasklist, reads the pupil's details on the Camunda Form, fills it in and completes it;
 * a manager then sees the route at its next step in Cockpit. Other roles do not see the task.
 */
@BrowserTest
class KeyWorkerInTasklistTest {

    static final String ROUTE = "attendance-action-routes";
    static final String MEETING = "Meet the parent or carer, explore the register and agree a reward";
    static final String KEY_WORKERS_TASKS = "My group's tasks (Key workers)";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    RouteDriver driver;
    @Autowired
    BrowserPupils pupils;

    Webapps webapps;
    Pupil pupil;
    ProcessInstance route;

    /** Letter 1, 6 weeks without improvement, letter 2: the key worker's meeting is the route's next step. */
    @BeforeEach
    void theKeyWorkersMeetingWaits() {
        webapps = new Webapps(browser, port, engine.getName());
        pupil = pupils.pupil("930401", ROUTE, "Kit", "Brightwater");
        driver.clockAt(LocalDateTime.of(2026, 9, 21, 9, 0));
        driver.register(pupil, LocalDate.of(2026, 9, 18), 8, false);
        route = pupils.start(ROUTE, pupil);
        tasks.complete(tasks.createTaskQuery().processInstanceId(route.getId()).taskDefinitionKey("fact-find")
                .singleResult().getId(), Map.of("contactAttempted", true, "contactMade", true, "homeVisit", false,
                "factsFound", "Kit looks after a younger brother in the mornings", "expectationsSet",
                "In school every day by 8:40", "externalReferral", false));
        driver.runDueJobs(route.getId());
        // absent the last week of the 6: the target is missed
        driver.register(pupil, pupils.timerDay(route), 10, true);
        driver.fireTimer(route.getId());
        assertThat(pupils.waitingAt(route)).containsExactly("meeting-letter-2");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theKeyWorkerCompletesTheMeetingInTasklistAndTheManagerSeesTheRouteMoveOnInCockpit() {
        Tasklist tasklist = webapps.tasklist(Role.KEY_WORKERS);
        assertThat(tasklist.filterNames()).contains(KEY_WORKERS_TASKS);
        assertThat(tasklist.tasksOfPupil(KEY_WORKERS_TASKS, pupil.getUpn()).taskNames()).containsExactly(MEETING);

        tasklist.open(MEETING).claim();
        assertThat(tasklist.formText()).contains("Letter 2: meet the parent or carer", "Kit Brightwater",
                "UPN " + pupil.getUpn(), "Attendance this year: " + pupils.attendanceAsShown(route) + " %",
                "Where we met", "Who took part", "The reward for achieving the target");
        tasklist.choose("meetingPlace", "A home visit")
                .type("attendedBy", "Mother, Kit and the key worker")
                .tick("registerExplored")
                .type("issuesExplained", "Every missed day is a lost day of learning")
                .type("parentInformation", "Mornings are hard since the new baby")
                .type("targetReward", "A cinema voucher")
                .complete();

        assertThat(pupils.finishedTasks(route, "meeting-letter-2")).singleElement()
                .satisfies(task -> assertThat(task.getAssignee()).isEqualTo(Role.KEY_WORKERS.demoUserId()));
        assertThat(pupils.variable(route, "meetingPlace")).isEqualTo("home visit");
        assertThat(pupils.variable(route, "registerExplored")).isEqualTo(true);
        assertThat(pupils.variable(route, "targetReward")).isEqualTo("A cinema voucher");
        assertThat(pupils.waitingAt(route)).containsExactly("target-2-over");

        Cockpit.Instance inCockpit = webapps.cockpit(Role.ATTENDANCE_MANAGERS).processInstance(route.getId());
        assertThat(inCockpit.businessKey()).isEqualTo(pupil.getUpn());
        assertThat(inCockpit.currentActivities()).contains("6-week target over").doesNotContain(MEETING);
    }

    @Test
    void aTutorDoesNotSeeTheKeyWorkersTask() {
        Tasklist tasklist = webapps.tasklist(Role.TUTORS);
        assertThat(tasklist.filterNames()).doesNotContain(KEY_WORKERS_TASKS);
        for (String filter : tasklist.filterNames()) {
            assertThat(tasklist.tasksOfPupil(filter, pupil.getUpn()).taskNames()).as(filter).isEmpty();
        }
    }
}
