package org.attendanceroutes.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Timers and due dates in a process resolve through the pupil's school calendar. */
@ApplicationTest
class SchoolTimeInProcessesTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestSchools testSchools;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    School school;
    Pupil pupil;

    @BeforeEach
    void deployAndSetTheClockToAWeekBeforeChristmas() {
        repository.createDeployment().addClasspathResource("calendar/school-time.bpmn").enableDuplicateFiltering(true)
                .name("school-time-test").deploy();
        school = testSchools.school("940001");
        pupil = testSchools.pupil(school, "940400126001", java.time.LocalDate.of(2026, 9, 1), null);
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2026, 12, 11, 9, 30)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Date date(LocalDateTime local) {
        return Date.from(local.atZone(LONDON).toInstant());
    }

    @Test
    void dueDatesAndTimersCountSchoolDaysAndWeeksFromToday() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("school-time-test", pupil.getUpn(),
                Map.of("schoolId", school.getId()));

        // Friday 11 December + 5 school days: 14-18 December, due at the end of Friday 18 December
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
                .isEqualTo(date(LocalDateTime.of(2026, 12, 18, 18, 0)));

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
        Job sixWeeks = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(sixWeeks.getDuedate()).isEqualTo(date(LocalDateTime.of(2027, 2, 5, 18, 0)));

        // when it fires on 5 February, "another half term" runs to the end of Spring 2 (Thursday 25 March)
        ClockUtil.setCurrentTime(date(LocalDateTime.of(2027, 2, 5, 18, 0)));
        management.executeJob(sixWeeks.getId());
        Job halfTerm = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(halfTerm.getDuedate()).isEqualTo(date(LocalDateTime.of(2027, 3, 25, 18, 0)));
    }

    @Test
    void withoutASchoolIdTheSchoolIsFoundFromTheBusinessKey() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("school-time-test", pupil.getUpn());
        List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(open).singleElement().satisfies(task ->
                assertThat(task.getDueDate()).isEqualTo(date(LocalDateTime.of(2026, 12, 18, 18, 0))));
    }
}
