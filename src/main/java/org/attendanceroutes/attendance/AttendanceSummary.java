package org.attendanceroutes.attendance;

import java.time.LocalDate;

/**
 * A pupil's figures as the routes read them on one day.
 *
 * @param yearToDate                    from the later of the academic year's first day and the pupil's admission
 *                                      (in the summer holiday: the year just ended) to today
 * @param currentHalfTerm               the half term in progress (in a break: the next one, with nothing measured yet)
 * @param previousHalfTerm              the half term before it, or null when the calendar does not hold it
 * @param lastTenSchoolWeeks            the rolling window of the penalty-notice rule: the last 10 school weeks up to
 *                                      today, across terms and holidays
 * @param unauthorisedLastTenWeeks      unauthorised absences (G, N, O, U) in that window
 * @param penaltyNoticeThresholdReached whether those reach the national threshold of 10
 * @param weekdayPattern                the year to date's absences by weekday
 * @param consecutiveDaysAbsent         school days in a row, back from today, with an absence and no attendance;
 *                                      days with no counted mark (unmarked, not counted) neither break nor extend the run
 * @param unexplainedSessionsLastDay    sessions coded N (no reason yet) on the latest school day with a mark
 */
public record AttendanceSummary(
        LocalDate today,
        AttendanceFigures yearToDate,
        String currentHalfTermName,
        AttendanceFigures currentHalfTerm,
        String previousHalfTermName,
        AttendanceFigures previousHalfTerm,
        AttendanceFigures lastTenSchoolWeeks,
        int unauthorisedLastTenWeeks,
        boolean penaltyNoticeThresholdReached,
        WeekdayPattern weekdayPattern,
        int consecutiveDaysAbsent,
        int unexplainedSessionsLastDay) {
}
