package org.attendanceroutes.attendance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.attendanceroutes.calendar.HalfTermSpan;

/**
 * Attendance figures by the national rules (see {@link AttendanceFigures} for what counts), from
 * a pupil's register. Plain Java, no state: the same code serves one pupil over HTTP and a whole
 * local authority in bulk.
 *
 * <p>A session counts when it is on a school day of the school's calendar, on roll (admission to
 * leaving, both included) and not after today.
 */
public final class AttendanceCalculator {

    /** The national penalty-notice rule: 10 sessions of unauthorised absence within 10 school weeks. */
    public static final int PENALTY_NOTICE_WEEKS = 10;
    public static final int PENALTY_NOTICE_SESSIONS = 10;
    /** A weekday pattern needs at least three days' worth of absent sessions on that weekday... */
    static final int PATTERN_MIN_SESSIONS = 6;
    /** ...and that weekday's share of the absences at least twice its share of the possible sessions. */
    static final int PATTERN_FACTOR = 2;

    private static final AttendanceCode[] CODES = AttendanceCode.values();
    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** By stored session value (0 unmarked, otherwise code ordinal + 1): 1 when it is so, else 0. */
    private static final int[] POSSIBLE = new int[CODES.length + 1];
    private static final int[] ATTENDED = new int[CODES.length + 1];
    private static final int[] ABSENT = new int[CODES.length + 1];
    private static final int NO_REASON_YET = AttendanceCode.NO_REASON_YET.ordinal() + 1;

    static {
        for (AttendanceCode code : CODES) {
            POSSIBLE[code.ordinal() + 1] = code.category().isPossible() ? 1 : 0;
            ATTENDED[code.ordinal() + 1] = code.category().isAttended() ? 1 : 0;
            ABSENT[code.ordinal() + 1] = code.category().isAbsence() ? 1 : 0;
        }
    }

    private AttendanceCalculator() {
    }

    /** The figures from {@code from} to {@code to}, both included, as they stand on {@code today}. */
    public static AttendanceFigures figures(PupilRegister register, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate first = later(from, register.admission());
        LocalDate last = earlier(earlier(to, today), register.leaving());
        int[] counts = new int[CODES.length + 1];
        if (!first.isAfter(last)) {
            SchoolDays days = requireCovered(register, first, last);
            byte[] sessions = register.sessions();
            int end = days.indexOnOrAfter(last.plusDays(1)) * 2;
            for (int i = days.indexOnOrAfter(first) * 2; i < end; i++) {
                counts[sessions[i]]++;
            }
        }
        return AttendanceFigures.of(first, last, counts);
    }

    /** The summary on the day of {@code periods}, from a register laid out on their school days. */
    public static AttendanceSummary summary(PupilRegister register, ReportingPeriods periods) {
        LocalDate today = periods.today();
        AttendanceFigures yearToDate = figures(register, periods.yearStart(), today, today);
        HalfTermSpan current = periods.currentHalfTerm();
        HalfTermSpan previous = periods.previousHalfTerm();
        AttendanceFigures lastTenWeeks = figures(register, periods.lastTenWeeksStart(), today, today);
        int unauthorised = lastTenWeeks.unauthorisedAbsences();
        int lastDay = lastSchoolDayOnRoll(register, today);
        int firstDay = register.days().indexOnOrAfter(register.admission());
        return new AttendanceSummary(today, yearToDate,
                current.name(), figures(register, current.start(), current.end(), today),
                previous == null ? null : previous.name(),
                previous == null ? null : figures(register, previous.start(), previous.end(), today),
                lastTenWeeks, unauthorised, unauthorised >= PENALTY_NOTICE_SESSIONS,
                weekdayPattern(register, yearToDate.from(), yearToDate.to()),
                consecutiveDaysAbsent(register, firstDay, lastDay),
                unexplainedSessionsLastDay(register, firstDay, lastDay));
    }

    /**
     * Progress on {@code today} against attending at least {@code requiredPercent} of the possible
     * sessions from {@code start} to {@code end}; see {@link TargetProgress}. The register must
     * cover the whole period, the days still to come included.
     */
    public static TargetProgress targetProgress(PupilRegister register, LocalDate start, LocalDate end,
                                                BigDecimal requiredPercent, LocalDate today) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a target cannot end (" + end + ") before it starts (" + start + ")");
        }
        if (requiredPercent.signum() < 0 || requiredPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("a target is between 0 and 100 %, not " + requiredPercent);
        }
        LocalDate first = later(start, register.admission());
        LocalDate last = earlier(end, register.leaving());
        int daysAfterToday = 0;
        if (!first.isAfter(last)) {
            SchoolDays days = requireCovered(register, first, last);
            daysAfterToday = days.indexOnOrAfter(last.plusDays(1)) - days.indexOnOrAfter(later(first, today.plusDays(1)));
        }
        AttendanceFigures soFar = figures(register, start, end, today);
        int possible = soFar.possibleSessions();
        int toCome = soFar.unmarkedSessions() + Math.max(0, daysAfterToday) * 2;
        TargetProgress.Status status;
        int mayStillMiss = 0;
        if (!today.isBefore(end)) {
            boolean reached = BigDecimal.valueOf(soFar.attendedSessions()).multiply(HUNDRED)
                    .compareTo(requiredPercent.multiply(BigDecimal.valueOf(possible))) >= 0;
            status = reached ? TargetProgress.Status.ACHIEVED : TargetProgress.Status.MISSED;
        } else {
            // the most absences a period of this many possible sessions allows, rounded down
            int allowed = BigDecimal.valueOf(possible + toCome).multiply(HUNDRED.subtract(requiredPercent))
                    .divide(HUNDRED, 0, RoundingMode.FLOOR).intValueExact();
            if (soFar.absentSessions() > allowed) {
                status = TargetProgress.Status.MISSED;
            } else {
                status = TargetProgress.Status.ON_TRACK;
                mayStillMiss = Math.min(allowed - soFar.absentSessions(), toCome);
            }
        }
        return new TargetProgress(start, end, requiredPercent, status, soFar.attendancePercent(), possible,
                soFar.attendedSessions(), soFar.absentSessions(), toCome, mayStillMiss);
    }

    private static WeekdayPattern weekdayPattern(PupilRegister register, LocalDate first, LocalDate last) {
        int[] absent = new int[WEEKDAYS.length];
        int[] possible = new int[WEEKDAYS.length];
        if (!first.isAfter(last)) {
            SchoolDays days = register.days();
            byte[] sessions = register.sessions();
            int end = days.indexOnOrAfter(last.plusDays(1));
            for (int day = days.indexOnOrAfter(first); day < end; day++) {
                int weekday = days.weekdayIndex(day);
                byte am = sessions[day * 2];
                byte pm = sessions[day * 2 + 1];
                possible[weekday] += POSSIBLE[am] + POSSIBLE[pm];
                absent[weekday] += ABSENT[am] + ABSENT[pm];
            }
        }
        long totalAbsent = 0;
        long totalPossible = 0;
        for (int w = 0; w < WEEKDAYS.length; w++) {
            totalAbsent += absent[w];
            totalPossible += possible[w];
        }
        int standsOut = -1;
        Map<DayOfWeek, Integer> absentByDay = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Integer> possibleByDay = new EnumMap<>(DayOfWeek.class);
        for (int w = 0; w < WEEKDAYS.length; w++) {
            absentByDay.put(WEEKDAYS[w], absent[w]);
            possibleByDay.put(WEEKDAYS[w], possible[w]);
            boolean disproportionate = absent[w] >= PATTERN_MIN_SESSIONS
                    && absent[w] * totalPossible >= PATTERN_FACTOR * possible[w] * totalAbsent;
            if (disproportionate && (standsOut < 0
                    || (long) absent[w] * possible[standsOut] > (long) absent[standsOut] * possible[w])) {
                standsOut = w;
            }
        }
        return new WeekdayPattern(Collections.unmodifiableMap(absentByDay), Collections.unmodifiableMap(possibleByDay),
                standsOut < 0 ? null : WEEKDAYS[standsOut]);
    }

    private static int consecutiveDaysAbsent(PupilRegister register, int firstDay, int lastDay) {
        byte[] sessions = register.sessions();
        int run = 0;
        for (int day = lastDay; day >= firstDay; day--) {
            byte am = sessions[day * 2];
            byte pm = sessions[day * 2 + 1];
            if (ATTENDED[am] + ATTENDED[pm] > 0) {
                break;
            }
            if (ABSENT[am] + ABSENT[pm] > 0) {
                run++;
            }
        }
        return run;
    }

    private static int unexplainedSessionsLastDay(PupilRegister register, int firstDay, int lastDay) {
        byte[] sessions = register.sessions();
        for (int day = lastDay; day >= firstDay; day--) {
            byte am = sessions[day * 2];
            byte pm = sessions[day * 2 + 1];
            if (am != 0 || pm != 0) {
                return (am == NO_REASON_YET ? 1 : 0) + (pm == NO_REASON_YET ? 1 : 0);
            }
        }
        return 0;
    }

    /** The number of the last school day of the register on or before today and the pupil's leaving, or -1. */
    private static int lastSchoolDayOnRoll(PupilRegister register, LocalDate today) {
        LocalDate last = earlier(today, register.leaving());
        requireCovered(register, register.days().from(), last);
        return register.days().indexOnOrAfter(last.plusDays(1)) - 1;
    }

    private static SchoolDays requireCovered(PupilRegister register, LocalDate first, LocalDate last) {
        SchoolDays days = register.days();
        if (!days.covers(first, last)) {
            throw new IllegalArgumentException("the register holds " + days.from() + " to " + days.to()
                    + ", not all of " + first + " to " + last);
        }
        return days;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier of two dates; {@code b} may be null (no leaving date). */
    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b != null && b.isBefore(a) ? b : a;
    }
}
