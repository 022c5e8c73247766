package org.attendanceroutes.attendance;

import java.time.DayOfWeek;
import java.util.Map;

/**
 * How a pupil's absences fall across the weekdays. A weekday stands out when it holds at least
 * {@value AttendanceCalculator#PATTERN_MIN_SESSIONS} absent sessions and at least
 * {@value AttendanceCalculator#PATTERN_FACTOR} times its fair share of them (its share of the
 * possible sessions, so a term of bank-holiday Mondays is no pattern); of several, the one with
 * the highest absence rate (the earlier weekday on a tie).
 *
 * @param absentSessions   absent sessions (authorised or not) per weekday, Monday to Friday
 * @param possibleSessions possible sessions per weekday
 * @param standsOut        the weekday that stands out, or null
 */
public record WeekdayPattern(Map<DayOfWeek, Integer> absentSessions, Map<DayOfWeek, Integer> possibleSessions,
                             DayOfWeek standsOut) {
}
