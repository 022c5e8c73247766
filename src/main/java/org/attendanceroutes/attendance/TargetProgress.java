package org.attendanceroutes.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Progress against an attendance target, such as 96 % over the next 6 school weeks.
 *
 * <p>While the period runs, every session still to come (a school day after today, or a session
 * of the period not yet marked) is counted as possible: the target is MISSED as soon as even full
 * attendance from now on cannot reach it, and otherwise ON_TRACK, with the number of those
 * sessions that may still be missed. From its last day on, the target is ACHIEVED or MISSED on the
 * marked sessions, exactly (96 % means attended x 100 >= 96 x possible, not a rounded figure).
 * A period with no possible session at all misses nothing and is ACHIEVED.
 *
 * @param achievedPercent              attendance over the period so far, one decimal place; null before any possible session
 * @param sessionsToCome               sessions still to come in the period (after today, or not yet marked)
 * @param sessionsThatMayStillBeMissed how many of those may be missed with the target still reached; 0 once it is over or missed
 */
public record TargetProgress(
        LocalDate start,
        LocalDate end,
        BigDecimal requiredPercent,
        Status status,
        BigDecimal achievedPercent,
        int possibleSessions,
        int attendedSessions,
        int absentSessions,
        int sessionsToCome,
        int sessionsThatMayStillBeMissed) {

    public enum Status {
        ACHIEVED,
        ON_TRACK,
        MISSED
    }
}
