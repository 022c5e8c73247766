package org.attendanceroutes.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.function.Function;

import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * School time for BPMN timers and user-task due dates, as an analyst writes it in the Modeler:
 * {@code ${schoolCalendar.schoolWeeksAfter(execution, 6)}} on a timer's date, or
 * {@code ${schoolCalendar.schoolDaysAfter(execution, 5)}} on a task's due date. Counting starts from
 * today (the engine's clock) and uses the calendar of the pupil's school, found from the process
 * variable {@code schoolId} or else from the business key (the pupil's UPN).
 *
 * <p>Every result is the end of a school day ({@link #END_OF_SCHOOL_DAY}, school's time zone), so
 * a review on that day reads the whole day's register.
 */
@Component("schoolCalendar")
public class SchoolTimeExpressions {

    /** After the afternoon register has closed and been entered. */
    public static final LocalTime END_OF_SCHOOL_DAY = LocalTime.of(18, 0);

    private final CalendarService calendars;
    private final Schools schools;
    private final Clock clock;

    SchoolTimeExpressions(CalendarService calendars, Schools schools, Clock clock) {
        this.calendars = calendars;
        this.schools = schools;
        this.clock = clock;
    }

    /** {@code days} school days after today ("day 3" of an absence is 2 school days after day 1). */
    public Date schoolDaysAfter(VariableScope scope, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("schoolDaysAfter needs 1 day or more, not " + days);
        }
        return at(scope, calendar -> calendar.addSchoolDays(today(), days));
    }

    /** {@code weeks} school weeks after today, on the same weekday; holiday weeks do not count. */
    public Date schoolWeeksAfter(VariableScope scope, int weeks) {
        return at(scope, calendar -> calendar.addSchoolWeeks(today(), weeks));
    }

    /** The last school day of the half term in progress (in a holiday: of the next one). */
    public Date endOfCurrentHalfTerm(VariableScope scope) {
        return at(scope, calendar -> calendar.endOfCurrentHalfTerm(today()));
    }

    /** The last school day of the half term after the current one: "monitor for another half term". */
    public Date endOfNextHalfTerm(VariableScope scope) {
        return at(scope, calendar -> calendar.endOfNextHalfTerm(today()));
    }

    /**
     * Whether the half term in progress today (in a holiday: the one to come) is the second of its
     * term: on a half term's last day, whether a term ends, for termly reports.
     */
    public boolean isEndOfTerm(VariableScope scope) {
        return calendarOf(scope).currentOrNextHalfTerm(today()).half() == 2;
    }

    /** Likewise whether it is the last half term of its academic year: on its last day, the year ends. */
    public boolean isEndOfAcademicYear(VariableScope scope) {
        SchoolCalendar calendar = calendarOf(scope);
        HalfTermSpan current = calendar.currentOrNextHalfTerm(today());
        return calendar.halfTerms().stream().noneMatch(later -> later.academicYear().equals(current.academicYear())
                && later.start().isAfter(current.start()));
    }

    /** The end of {@code day}'s school day, when reviews and timers set for that day fall due. */
    public Date endOfSchoolDay(LocalDate day) {
        return Date.from(day.atTime(END_OF_SCHOOL_DAY).atZone(clock.getZone()).toInstant());
    }

    private Date at(VariableScope scope, Function<SchoolCalendar, LocalDate> rule) {
        return endOfSchoolDay(rule.apply(calendarOf(scope)));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The calendar of the pupil's school in this process. */
    public SchoolCalendar calendarOf(VariableScope scope) {
        Object schoolId = scope.getVariable("schoolId");
        if (schoolId instanceof Number id) {
            return calendars.calendarFor(id.longValue());
        }
        String upn = businessKey(scope);
        Pupil pupil = schools.pupilByUpn(upn).orElseThrow(() -> new IllegalStateException(
                "no school for this process: no variable schoolId, and business key '" + upn + "' is no pupil's UPN"));
        return calendars.calendarFor(pupil.getSchool().getId());
    }

    private static String businessKey(VariableScope scope) {
        return scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
    }
}
