package org.attendanceroutes.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A pupil's figures over the school days from {@code from} to {@code to}: the range asked for,
 * narrowed to the pupil's time on roll and to today. {@code from} after {@code to} means nothing
 * was left to measure.
 *
 * <p>Possible sessions are the marked sessions whose code counts (present, approved educational
 * activity, authorised or unauthorised absence). Unmarked sessions are reported beside them and
 * neither help nor hurt: they are not possible and not attended until a code arrives. Codes that
 * are not counted (D, Q, X, Y1-Y7, Z, #) are neither possible nor attended.
 *
 * <p>Percentages are rounded half-up to one decimal place and null when nothing was possible;
 * the persistent (absence at least 10 %) and severe (at least 50 %) absence flags are exact.
 *
 * @param sessionsByCode sessions per register symbol, for the codes that occur, in the order of
 *                       {@link AttendanceCode}
 */
public record AttendanceFigures(
        LocalDate from,
        LocalDate to,
        int possibleSessions,
        int attendedSessions,
        int presentSessions,
        int approvedActivitySessions,
        int authorisedAbsences,
        int unauthorisedAbsences,
        int notCountedSessions,
        int unmarkedSessions,
        int lateBeforeClose,
        int lateAfterClose,
        BigDecimal attendancePercent,
        BigDecimal absencePercent,
        boolean persistentAbsence,
        boolean severeAbsence,
        Map<String, Integer> sessionsByCode) {

    private static final AttendanceCode[] CODES = AttendanceCode.values();

    /**
     * The figures from counts of sessions: {@code counts[0]} unmarked, {@code counts[c.ordinal() + 1]}
     * marked with code c.
     */
    static AttendanceFigures of(LocalDate from, LocalDate to, int[] counts) {
        int[] byCategory = new int[AttendanceCategory.values().length];
        for (AttendanceCode code : CODES) {
            byCategory[code.category().ordinal()] += counts[code.ordinal() + 1];
        }
        int present = byCategory[AttendanceCategory.PRESENT.ordinal()];
        int approved = byCategory[AttendanceCategory.APPROVED_EDUCATIONAL_ACTIVITY.ordinal()];
        int authorised = byCategory[AttendanceCategory.AUTHORISED_ABSENCE.ordinal()];
        int unauthorised = byCategory[AttendanceCategory.UNAUTHORISED_ABSENCE.ordinal()];
        int attended = present + approved;
        int absent = authorised + unauthorised;
        int possible = attended + absent;
        return new AttendanceFigures(from, to, possible, attended, present, approved, authorised, unauthorised,
                byCategory[AttendanceCategory.NOT_COUNTED.ordinal()], counts[0],
                counts[AttendanceCode.LATE_BEFORE_CLOSE.ordinal() + 1], counts[AttendanceCode.LATE_AFTER_CLOSE.ordinal() + 1],
                percent(attended, possible), percent(absent, possible),
                possible > 0 && absent * 10L >= possible, possible > 0 && absent * 2L >= possible,
                new CodeCounts(counts));
    }

    /** Authorised and unauthorised absences together. */
    public int absentSessions() {
        return authorisedAbsences + unauthorisedAbsences;
    }

    /** {@code part} of {@code whole} in percent, rounded half-up to one decimal place; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        // tenths of a percent, rounded half-up in whole numbers: floor((part x 1000 + whole / 2) / whole)
        return whole == 0 ? null : BigDecimal.valueOf((part * 2000 + whole) / (2 * whole), 1);
    }
}
