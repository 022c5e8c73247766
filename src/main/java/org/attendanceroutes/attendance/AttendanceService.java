package org.attendanceroutes.attendance;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One pupil's figures from the database: the pupil's marks laid on the school's calendar and
 * handed to the {@link AttendanceCalculator}. "Today" is the application's clock unless given.
 */
@Service
public class AttendanceService {

    private final Schools schools;
    private final AttendanceMarkRepository marks;
    private final CalendarService calendars;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AttendanceService(Schools schools, AttendanceMarkRepository marks, CalendarService calendars, JdbcTemplate jdbc,
                      Clock clock) {
        this.schools = schools;
        this.marks = marks;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The figures from {@code from} to {@code to}, both included, as they stand today. Refused
     * when {@code to} is before {@code from}, or when the days up to today leave the school's calendar.
     */
    @Transactional(readOnly = true)
    public AttendanceFigures figures(Long pupilId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new BadInputException("to (" + to + ") is before from (" + from + ")");
        }
        Pupil pupil = pupil(pupilId);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = to.isAfter(today) ? today : to;
        SchoolCalendar calendar = calendars.calendarFor(pupil.getSchool().getId());
        if (!last.isBefore(from)) {
            requireInCalendar(calendar, "from", from);
            requireInCalendar(calendar, "to", last);
        }
        return AttendanceCalculator.figures(register(pupil, SchoolDays.of(calendar, from, last)), from, to, today);
    }

    /** The figures of the last {@code weeks} school weeks up to {@code today}, across terms and holidays. */
    @Transactional(readOnly = true)
    public AttendanceFigures lastSchoolWeeks(Long pupilId, int weeks, LocalDate today) {
        Pupil pupil = pupil(pupilId);
        SchoolCalendar calendar = calendars.calendarFor(pupil.getSchool().getId());
        LocalDate from = calendar.startOfLastSchoolWeeks(today, weeks);
        return AttendanceCalculator.figures(register(pupil, SchoolDays.of(calendar, from, today)), from, today, today);
    }

    /** Year to date, half terms, the last 10 school weeks and the rest, as the routes read them on {@code today}. */
    @Transactional(readOnly = true)
    public AttendanceSummary summary(Long pupilId, LocalDate today) {
        Pupil pupil = pupil(pupilId);
        SchoolCalendar calendar = calendars.calendarFor(pupil.getSchool().getId());
        ReportingPeriods periods = ReportingPeriods.of(calendar, today);
        return AttendanceCalculator.summary(register(pupil, periods.schoolDays()), periods);
    }

    /** Progress on {@code today} against attending {@code requiredPercent} from {@code start} to {@code end}. */
    @Transactional(readOnly = true)
    public TargetProgress targetProgress(Long pupilId, LocalDate start, LocalDate end, BigDecimal requiredPercent,
                                         LocalDate today) {
        Pupil pupil = pupil(pupilId);
        SchoolCalendar calendar = calendars.calendarFor(pupil.getSchool().getId());
        if (!end.isBefore(start)) {
            requireInCalendar(calendar, "the target's start", start);
            requireInCalendar(calendar, "the target's end", end);
        }
        return AttendanceCalculator.targetProgress(register(pupil, SchoolDays.of(calendar, start, end)),
                start, end, requiredPercent, today);
    }

    /** Records marks of sessions not marked yet, in one batch, as generated registers (the demo's) are. */
    @Transactional
    public void insert(List<AttendanceMark> newMarks) {
        jdbc.batchUpdate("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, ?, ?)",
                newMarks.stream().map(mark -> new Object[]{mark.getPupilId(), Date.valueOf(mark.getMarkDate()),
                        mark.getSession().name(), mark.getCode().symbol()}).toList());
    }

    private Pupil pupil(Long pupilId) {
        return schools.pupil(pupilId)
                .orElseThrow(() -> new IllegalArgumentException("no pupil with id " + pupilId));
    }

    private PupilRegister register(Pupil pupil, SchoolDays days) {
        PupilRegister register = new PupilRegister(days, pupil.getAdmissionDate(), pupil.getLeavingDate());
        if (!days.to().isBefore(days.from())) {
            for (AttendanceMark mark : marks.findByPupilIdAndMarkDateBetweenOrderByMarkDateAscSessionAsc(
                    pupil.getId(), days.from(), days.to())) {
                register.mark(mark.getMarkDate(), mark.getSession(), mark.getCode());
            }
        }
        return register;
    }

    /** School days are only known inside the calendar: figures beyond it would silently count nothing. */
    private static void requireInCalendar(SchoolCalendar calendar, String what, LocalDate date) {
        if (date.isBefore(calendar.firstDay()) || date.isAfter(calendar.lastDay())) {
            throw new BadInputException(what + " (" + date + ") is outside the school's calendar, which runs from "
                    + calendar.firstDay() + " to " + calendar.lastDay());
        }
    }
}
