package org.attendanceroutes.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The browser tests' pupils and route instances: a school of URN 9304xx per route on the demo
 * calendar, a new pupil (UPN digits 9304...) each run, as the PostgreSQL run shares its database
 * between runs, and what the engine records of a task done in Tasklist.
 */
@Component
class BrowserPupils {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final TestSchools schools;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;

    BrowserPupils(TestSchools schools, RuntimeService runtime, HistoryService history, ManagementService management) {
        this.schools = schools;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
    }

    /** A new pupil on roll since the start of 2026-27 at the school of this URN, which follows {@code route}. */
    Pupil pupil(String urn, String route, String firstName, String lastName) {
        String digits = "9304" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return schools.pupil(schools.school(urn, route, DemoCalendar.file()), digits, firstName, lastName,
                LocalDate.of(2026, 9, 1));
    }

    /** Starts the route for the pupil, the UPN as business key, as a school's system would. */
    ProcessInstance start(String route, Pupil pupil) {
        return runtime.startProcessInstanceByKey(route, pupil.getUpn());
    }

    /** The school day the instance's only timer falls due on. */
    LocalDate timerDay(ProcessInstance instance) {
        return LocalDateTime.ofInstant(management.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getDuedate().toInstant(), LONDON).toLocalDate();
    }

    /** The instance's finished user tasks of this key. */
    List<HistoricTaskInstance> finishedTasks(ProcessInstance instance, String taskKey) {
        return history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).finished().list();
    }

    List<String> waitingAt(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0 ? List.of()
                : runtime.getActiveActivityIds(instance.getId());
    }

    /** The year's attendance as the task forms print it: 66.7, or 100 for a whole number. */
    String attendanceAsShown(ProcessInstance instance) {
        return new BigDecimal(variable(instance, "attendancePercent").toString()).stripTrailingZeros().toPlainString();
    }

    Object variable(ProcessInstance instance, String name) {
        return runtime.getVariable(instance.getId(), name);
    }
}
