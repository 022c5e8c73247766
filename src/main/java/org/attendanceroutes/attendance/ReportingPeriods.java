package org.attendanceroutes.attendance;

import java.time.LocalDate;

import org.attendanceroutes.calendar.HalfTermSpan;
import org.attendanceroutes.calendar.SchoolCalendar;

/**
 * The periods a summary reports on for one school on one day, worked out once from its calendar
 * and shared by all its pupils, with the school days that registers for them must cover.
 *
 * @param previousHalfTerm null when the calendar does not hold it
 * @param schoolDays       from the earliest of the periods to today
 */
public record ReportingPeriods(LocalDate today, LocalDate yearStart, HalfTermSpan currentHalfTerm,
                               HalfTermSpan previousHalfTerm, LocalDate lastTenWeeksStart, SchoolDays schoolDays) {

    public static ReportingPeriods of(SchoolCalendar calendar, LocalDate today) {
        LocalDate yearStart = calendar.startOfYearToDate(today);
        HalfTermSpan current = calendar.currentOrNextHalfTerm(today);
        HalfTermSpan previous = calendar.previousHalfTerm(today).orElse(null);
        LocalDate lastTenWeeks = calendar.startOfLastSchoolWeeks(today, AttendanceCalculator.PENALTY_NOTICE_WEEKS);
        LocalDate first = earliest(earliest(yearStart, lastTenWeeks), earliest(current.start(), today));
        if (previous != null) {
            first = earliest(first, previous.start());
        }
        return new ReportingPeriods(today, yearStart, current, previous, lastTenWeeks, SchoolDays.of(calendar, first, today));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
