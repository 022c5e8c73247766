package org.attendanceroutes.attendance;

import java.time.LocalDate;

/**
 * One pupil's register over a span of school days: the code of each AM and PM session, or none
 * yet, and the pupil's time on roll. Plain Java; one byte a session, so a local authority's
 * registers for a year fit in memory.
 */
public final class PupilRegister {

    private static final AttendanceCode[] CODES = AttendanceCode.values();

    private final SchoolDays days;
    private final LocalDate admission;
    private final LocalDate leaving;
    /** Two a school day (AM, then PM): 0 while unmarked, otherwise the code's ordinal + 1. */
    private final byte[] sessions;

    /** An unmarked register; {@code leaving} is null while the pupil is on roll. */
    public PupilRegister(SchoolDays days, LocalDate admission, LocalDate leaving) {
        this.days = days;
        this.admission = admission;
        this.leaving = leaving;
        this.sessions = new byte[days.size() * 2];
    }

    public SchoolDays days() {
        return days;
    }

    public LocalDate admission() {
        return admission;
    }

    /** The last day on roll, or null. */
    public LocalDate leaving() {
        return leaving;
    }

    /**
     * Records a session's code. A date that is not a school day of the span has no session: the
     * mark is left out and false returned.
     */
    public boolean mark(LocalDate date, Session session, AttendanceCode code) {
        return mark(date.toEpochDay(), session, code);
    }

    /** {@link #mark(LocalDate, Session, AttendanceCode)} with the date as its epoch day, for bulk loading. */
    public boolean mark(long epochDay, Session session, AttendanceCode code) {
        int day = days.indexOfEpochDay(epochDay);
        if (day < 0) {
            return false;
        }
        sessions[day * 2 + session.ordinal()] = (byte) (code.ordinal() + 1);
        return true;
    }

    /** The code of a session, or null while it is unmarked or not a school day of the span. */
    public AttendanceCode code(LocalDate date, Session session) {
        int day = days.indexOf(date);
        int value = day < 0 ? 0 : sessions[day * 2 + session.ordinal()];
        return value == 0 ? null : CODES[value - 1];
    }

    /** The raw sessions, for the calculator: 0 unmarked, otherwise ordinal + 1. */
    byte[] sessions() {
        return sessions;
    }
}
