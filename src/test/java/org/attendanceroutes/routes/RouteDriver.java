package org.attendanceroutes.routes;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;


import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drives a route in a test on the demo calendar: a pupil's register from the first day of the
 * year to "today", the engine's clock, and the jobs (letters, multi-instance steps, timers) a
 * process and the processes it called have due, run by hand as the job executor is off.
 */
@Component
public class RouteDriver {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final SchoolCalendar CALENDAR = DemoCalendar.calendar();
    static final String PRESENT_AM = "/";
    static final String PRESENT_PM = "\\";
    /** Other unauthorised absence. */
    static final String ABSENT = "O";

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final TestSchools schools;

    RouteDriver(JdbcTemplate jdbc, ManagementService management, RuntimeService runtime, TestSchools schools) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.schools = schools;
    }

    /**
     * A new pupil (UPN digits 960...) on roll since the first day of the year, with one parent: new
     * each run, as the PostgreSQL run shares one database between runs and tests.
     */
    public Pupil newPupil(School school, String lastName) {
        String digits = "960" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return schools.pupil(school, digits, "Test", lastName, LocalDate.of(2026, 9, 1));
    }

    /** The types of the letters issued on a case, in the order they were issued. */
    public List<String> letterTypes(Long caseId) {
        return jdbc.queryForList("select letter_type from letter where case_id = ? order by id", String.class, caseId);
    }

    /** Sets the engine's clock (the application's "today") to {@code time} in the schools' time zone. */
    public void clockAt(LocalDateTime time) {
        ClockUtil.setCurrentTime(java.util.Date.from(time.atZone(LONDON).toInstant()));
    }

    /** The sessions of every school day from the first of the year to {@code today}, both included. */
    public static int sessionsTo(LocalDate today) {
        return 2 * CALENDAR.schoolDays(CALENDAR.startOfAcademicYear(today), today).size();
    }

    /** How many absent sessions up to {@code today} make {@code percent} attendance, near enough for a band. */
    public static int absencesFor(LocalDate today, double percent) {
        return (int) Math.round(sessionsTo(today) * (100 - percent) / 100);
    }

    /**
     * Replaces the pupil's register with every session from the first day of the year to
     * {@code today} marked: {@code absent} sessions absent, the earliest of the year or the most
     * recent, the rest present.
     */
    public void register(Pupil pupil, LocalDate today, int absent, boolean recentAbsences) {
        jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
        List<LocalDate> days = CALENDAR.schoolDays(CALENDAR.startOfAcademicYear(today), today);
        int sessions = days.size() * 2;
        int firstAbsent = recentAbsences ? sessions - absent : 0;
        List<Object[]> rows = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            boolean am = i % 2 == 0;
            boolean absentHere = i >= firstAbsent && i < firstAbsent + absent;
            rows.add(new Object[]{pupil.getId(), Date.valueOf(days.get(i / 2)), am ? "AM" : "PM",
                    absentHere ? ABSENT : am ? PRESENT_AM : PRESENT_PM});
        }
        jdbc.batchUpdate("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, ?, ?)", rows);
    }

    /**
     * Runs every job now due of the process instance and of the processes it called, until none
     * is left (a job may create the next, as a letter leads to the next step).
     */
    public void runDueJobs(String processInstanceId) {
        for (Job job = nextDueJob(processInstanceId); job != null; job = nextDueJob(processInstanceId)) {
            management.executeJob(job.getId());
        }
    }

    /** Moves the clock to the instance's only timer and fires it, with every job that follows. */
    public void fireTimer(String processInstanceId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId).timers().singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        runDueJobs(processInstanceId);
    }

    private Job nextDueJob(String processInstanceId) {
        List<String> instances = new ArrayList<>(List.of(processInstanceId));
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                .map(ProcessInstance::getId).forEach(instances::add);
        for (String id : instances) {
            List<Job> due = management.createJobQuery().processInstanceId(id).executable().listPage(0, 1);
            if (!due.isEmpty()) {
                return due.get(0);
            }
        }
        return null;
    }
}
