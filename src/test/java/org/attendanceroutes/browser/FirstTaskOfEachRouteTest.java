package org.attendanceroutes.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Consumer;

import org.attendanceroutes.routes.RouteDriver;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each route's first user task done in Tasklist by the role it belongs to: the route started for a
 * new pupil (and, where the first task comes later, driven to it through the engine), the task
 * found among the role's tasks, its Camunda Form showing the pupil and the figures, filled in and
 * completed; the engine then records the user's answers and the route waits at its next step.
 */
@BrowserTest
class FirstTaskOfEachRouteTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RouteDriver driver;
    @Autowired
    BrowserPupils pupils;
    @Autowired
    TestSchools schools;

    Webapps webapps;

    @BeforeEach
    void webapps() {
        webapps = new Webapps(browser, port, engine.getName());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void attendanceActionRoutesTheAttendanceOfficerFactFinds() {
        Pupil pupil = pupils.pupil("930401", "attendance-action-routes", "Ash", "Action");
        driver.clockAt(LocalDateTime.of(2026, 9, 21, 9, 0));
        driver.register(pupil, LocalDate.of(2026, 9, 18), 8, false);
        ProcessInstance route = pupils.start("attendance-action-routes", pupil);

        completeInTasklist(route, pupil, Role.ATTENDANCE_OFFICERS, "fact-find",
                "Fact-find, contact the parent or carer and set clear expectations", form -> form
                        .tick("contactAttempted")
                        .type("factsFound", "Ash looks after a younger brother in the mornings")
                        .type("expectationsSet", "In school every day by 8:40"));

        assertThat(pupils.variable(route, "factsFound")).isEqualTo("Ash looks after a younger brother in the mornings");
        assertThat(pupils.waitingAt(route)).as("letter 1, sent by a job of its own").containsExactly("letter-1");
    }

    @Test
    void graduatedAttendanceResponseClassStaffHearThePupilsVoice() {
        Pupil pupil = pupils.pupil("930402", "graduated-attendance-response", "Bea", "Graduated");
        LocalDate today = LocalDate.of(2026, 10, 5);
        driver.clockAt(today.atTime(9, 0));
        driver.register(pupil, today, RouteDriver.absencesFor(today, 96), true);
        ProcessInstance route = pupils.start("graduated-attendance-response", pupil);

        completeInTasklist(route, pupil, Role.CLASS_STAFF, "teacher-meeting",
                "Meet the pupil and parent or carer to hear their voice", form -> form
                        .type("pupilVoice", "Mornings are hard")
                        .type("parentVoice", "A new baby at home")
                        .tick("documentCompleted"));

        assertThat(pupils.variable(route, "pupilVoice")).isEqualTo("Mornings are hard");
        assertThat(pupils.waitingAt(route)).containsExactly("barriers-contact");
    }

    @Test
    void attendanceInterventionsFrameworkTheTutorFindsOutWhyALessonWasMissed() {
        Pupil pupil = pupils.pupil("930403", "attendance-interventions-framework", "Cal", "Framework");
        LocalDate today = LocalDate.of(2027, 2, 1);
        driver.register(pupil, today, 0, false);
        // arrived after the register closed this morning: a registration missed, not a whole session
        schools.recode(pupil, today.toString(), "AM", "U");
        driver.clockAt(today.atTime(18, 0));
        ProcessInstance route = pupils.start("attendance-interventions-framework", pupil);

        completeInTasklist(route, pupil, Role.TUTORS, "tutor-find-reason",
                "Find out why the student missed the registration or lesson", form -> form
                        .type("reasonForAbsence", "Says the bus was late; no note yet")
                        .tick("confirmationChased"));

        assertThat(pupils.variable(route, "confirmationChased")).isEqualTo(true);
        assertThat(pupils.waitingAt(route)).as("the reason does not explain it: the tutor talks to the family")
                .containsExactly("tutor-talk");
    }

    @Test
    void attendanceImprovementProcessTheAttendanceManagerMeetsTheParent() {
        Pupil pupil = pupils.pupil("930404", "attendance-improvement-process", "Dee", "Improvement");
        // below 90 % at the Autumn 1 review, not improved over Autumn 2, the 6-week target missed: stage 3
        LocalDate review = LocalDate.of(2026, 10, 23);
        driver.clockAt(review.atTime(18, 0));
        driver.register(pupil, review, RouteDriver.absencesFor(review, 75), true);
        ProcessInstance route = pupils.start("attendance-improvement-process", pupil);
        driver.runDueJobs(route.getId());
        for (int timer = 0; timer < 2; timer++) {
            LocalDate day = pupils.timerDay(route);
            driver.register(pupil, day, RouteDriver.absencesFor(day, 75), true);
            driver.fireTimer(route.getId());
        }

        completeInTasklist(route, pupil, Role.ATTENDANCE_MANAGERS, "meeting",
                "Meet the parent or carer and agree an action plan", form -> form
                        .tick("parentAttended")
                        .type("barriersDiscussed", "Anxiety about maths lessons")
                        .type("actionPlan", "Maths support twice a week; a morning check-in"));

        assertThat(pupils.variable(route, "actionPlan")).isEqualTo("Maths support twice a week; a morning check-in");
        assertThat(pupils.waitingAt(route)).containsExactly("target-2-over");
    }

    @Test
    void supportingAttendanceActionPlanTheAttendanceOfficerContactsTheFamilyOnDay1() {
        Pupil pupil = pupils.pupil("930405", "supporting-attendance-action-plan", "Eli", "Support");
        LocalDate day1 = LocalDate.of(2027, 1, 11);
        driver.register(pupil, day1.minusDays(3), 0, false);
        driver.clockAt(day1.atTime(9, 30));
        ProcessInstance route = pupils.start("supporting-attendance-action-plan", pupil);

        completeInTasklist(route, pupil, Role.ATTENDANCE_OFFICERS, "first-day-contact",
                "Contact the parent or carer on the first day of absence", form -> form
                        .tick("contactMade")
                        .type("reasonGiven", "Overslept"));

        assertThat(pupils.variable(route, "reasonGiven")).isEqualTo("Overslept");
        assertThat(pupils.waitingAt(route)).as("no reason that explains the absence: day 3 comes")
                .contains("day-3");
    }

    /**
     * The role's demo user finds the task among their group's tasks for the pupil, checks the form
     * shows the pupil and the figures, claims it, fills it in and completes it.
     */
    private void completeInTasklist(ProcessInstance route, Pupil pupil, Role role, String taskKey, String taskName,
                                    Consumer<Tasklist> fillIn) {
        assertThat(pupils.waitingAt(route)).contains(taskKey);
        Tasklist tasklist = webapps.tasklist(role)
                .tasksOfPupil("My group's tasks (" + role.groupName() + ")", pupil.getUpn());
        assertThat(tasklist.taskNames()).containsExactly(taskName);
        tasklist.open(taskName).claim();
        assertThat(tasklist.formText()).contains(pupil.getFirstName() + " " + pupil.getLastName(),
                "UPN " + pupil.getUpn(), "Attendance this year: " + pupils.attendanceAsShown(route) + " %");
        fillIn.accept(tasklist);
        tasklist.complete();
        assertThat(pupils.finishedTasks(route, taskKey)).singleElement()
                .satisfies(task -> assertThat(task.getAssignee()).isEqualTo(role.demoUserId()));
    }
}
