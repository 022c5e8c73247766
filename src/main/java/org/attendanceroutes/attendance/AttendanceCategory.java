package org.attendanceroutes.attendance;

/** The statistical category of a register code, as the DfE counts it. */
public enum AttendanceCategory {
    PRESENT(true, true),
    APPROVED_EDUCATIONAL_ACTIVITY(true, true),
    AUTHORISED_ABSENCE(true, false),
    UNAUTHORISED_ABSENCE(true, false),
    NOT_COUNTED(false, false);

    private final boolean possible;
    private final boolean attended;

    AttendanceCategory(boolean possible, boolean attended) {
        this.possible = possible;
        this.attended = attended;
    }

    /** Counts as a possible session. */
    public boolean isPossible() {
        return possible;
    }

    /** Counts as a session attended. */
    public boolean isAttended() {
        return attended;
    }

    public boolean isAbsence() {
        return this == AUTHORISED_ABSENCE || this == UNAUTHORISED_ABSENCE;
    }
}
