package org.attendanceroutes.attendance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process variables a summary becomes, for gateway conditions such as
 * {@code ${attendancePercent < 90}}: plain numbers, booleans and strings. Percentages have one
 * decimal place and are null when there was no possible session (an EL comparison with null is
 * false either way, so a route should test {@code possibleSessions > 0} or give the gateway a
 * default flow); the absence flags are exact.
 */
public final class AttendanceVariables {

    /** Year to date. */
    public static final String ATTENDANCE_PERCENT = "attendancePercent";
    public static final String ABSENCE_PERCENT = "absencePercent";
    public static final String HALF_TERM_ATTENDANCE_PERCENT = "halfTermAttendancePercent";
    public static final String PREVIOUS_HALF_TERM_ATTENDANCE_PERCENT = "previousHalfTermAttendancePercent";
    /** Year to date. */
    public static final String POSSIBLE_SESSIONS = "possibleSessions";
    /** Year to date. */
    public static final String UNAUTHORISED_SESSIONS = "unauthorisedSessions";
    public static final String UNAUTHORISED_LAST_10_WEEKS = "unauthorisedLast10Weeks";
    public static final String PENALTY_NOTICE_THRESHOLD_REACHED = "penaltyNoticeThresholdReached";
    /** Year to date. */
    public static final String PERSISTENT_ABSENCE = "persistentAbsence";
    /** Year to date. */
    public static final String SEVERE_ABSENCE = "severeAbsence";
    public static final String CONSECUTIVE_DAYS_ABSENT = "consecutiveDaysAbsent";
    public static final String UNEXPLAINED_SESSIONS_LAST_DAY = "unexplainedSessionsLastDay";
    public static final String WEEKDAY_PATTERN_DAY = "weekdayPatternDay";
    public static final String FIGURES_DATE = "figuresDate";

    private AttendanceVariables() {
    }

    /** The variables of {@code summary}, in the order above; null values stay (they replace older figures). */
    public static Map<String, Object> of(AttendanceSummary summary) {
        AttendanceFigures year = summary.yearToDate();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ATTENDANCE_PERCENT, number(year.attendancePercent()));
        variables.put(ABSENCE_PERCENT, number(year.absencePercent()));
        variables.put(HALF_TERM_ATTENDANCE_PERCENT, number(summary.currentHalfTerm().attendancePercent()));
        variables.put(PREVIOUS_HALF_TERM_ATTENDANCE_PERCENT,
                summary.previousHalfTerm() == null ? null : number(summary.previousHalfTerm().attendancePercent()));
        variables.put(POSSIBLE_SESSIONS, year.possibleSessions());
        variables.put(UNAUTHORISED_SESSIONS, year.unauthorisedAbsences());
        variables.put(UNAUTHORISED_LAST_10_WEEKS, summary.unauthorisedLastTenWeeks());
        variables.put(PENALTY_NOTICE_THRESHOLD_REACHED, summary.penaltyNoticeThresholdReached());
        variables.put(PERSISTENT_ABSENCE, year.persistentAbsence());
        variables.put(SEVERE_ABSENCE, year.severeAbsence());
        variables.put(CONSECUTIVE_DAYS_ABSENT, summary.consecutiveDaysAbsent());
        variables.put(UNEXPLAINED_SESSIONS_LAST_DAY, summary.unexplainedSessionsLastDay());
        variables.put(WEEKDAY_PATTERN_DAY, summary.weekdayPattern().standsOut() == null ? null
                : summary.weekdayPattern().standsOut().name());
        variables.put(FIGURES_DATE, summary.today().toString());
        return variables;
    }

    private static Double number(BigDecimal percent) {
        return percent == null ? null : percent.doubleValue();
    }
}
