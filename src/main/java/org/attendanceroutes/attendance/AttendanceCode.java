package org.attendanceroutes.attendance;

import static org.attendanceroutes.attendance.AttendanceCategory.APPROVED_EDUCATIONAL_ACTIVITY;
import static org.attendanceroutes.attendance.AttendanceCategory.AUTHORISED_ABSENCE;
import static org.attendanceroutes.attendance.AttendanceCategory.NOT_COUNTED;
import static org.attendanceroutes.attendance.AttendanceCategory.PRESENT;
import static org.attendanceroutes.attendance.AttendanceCategory.UNAUTHORISED_ABSENCE;

import java.util.HashMap;
import java.util.Map;

/**
 * The register codes in force since 19 August 2024 (School Attendance (Pupil Registration)
 * (England) Regulations 2024), each with its statistical category.
 */
public enum AttendanceCode {
    PRESENT_AM("/", PRESENT, "present (AM)"),
    PRESENT_PM("\\", PRESENT, "present (PM)"),
    LATE_BEFORE_CLOSE("L", PRESENT, "late, before the register closed"),
    LA_PROVISION("K", APPROVED_EDUCATIONAL_ACTIVITY, "attending provision arranged by the local authority"),
    EDUCATIONAL_VISIT("V", APPROVED_EDUCATIONAL_ACTIVITY, "educational visit or trip"),
    SPORTING_ACTIVITY("P", APPROVED_EDUCATIONAL_ACTIVITY, "approved sporting activity"),
    WORK_EXPERIENCE("W", APPROVED_EDUCATIONAL_ACTIVITY, "work experience"),
    OFF_SITE_EDUCATION("B", APPROVED_EDUCATIONAL_ACTIVITY, "other approved supervised off-site education"),
    EXCEPTIONAL_CIRCUMSTANCES("C", AUTHORISED_ABSENCE, "leave of absence for exceptional circumstances"),
    PERFORMANCE("C1", AUTHORISED_ABSENCE, "leave for a regulated performance or employment abroad"),
    PART_TIME_TIMETABLE("C2", AUTHORISED_ABSENCE, "leave for a part-time timetable"),
    SUSPENDED("E", AUTHORISED_ABSENCE, "suspended or permanently excluded, no alternative provision"),
    ILLNESS("I", AUTHORISED_ABSENCE, "illness"),
    INTERVIEW("J1", AUTHORISED_ABSENCE, "leave to attend an interview"),
    MEDICAL("M", AUTHORISED_ABSENCE, "medical or dental appointment"),
    RELIGIOUS_OBSERVANCE("R", AUTHORISED_ABSENCE, "religious observance"),
    STUDY_LEAVE("S", AUTHORISED_ABSENCE, "study leave"),
    TRAVELLING("T", AUTHORISED_ABSENCE, "mobile child of a travelling parent"),
    HOLIDAY_NOT_AUTHORISED("G", UNAUTHORISED_ABSENCE, "holiday not authorised"),
    NO_REASON_YET("N", UNAUTHORISED_ABSENCE, "reason not yet provided"),
    OTHER_UNAUTHORISED("O", UNAUTHORISED_ABSENCE, "other unauthorised absence"),
    LATE_AFTER_CLOSE("U", UNAUTHORISED_ABSENCE, "arrived after the register closed"),
    DUAL_REGISTERED("D", NOT_COUNTED, "dual registered, at the other school"),
    NO_ACCESS_ARRANGEMENTS("Q", NOT_COUNTED, "local authority access arrangements not made"),
    NOT_COMPULSORY_AGE("X", NOT_COUNTED, "not of compulsory school age"),
    UNABLE_TRANSPORT("Y1", NOT_COUNTED, "unable to attend: transport not available"),
    UNABLE_DISRUPTION("Y2", NOT_COUNTED, "unable to attend: widespread disruption to travel"),
    UNABLE_PARTIAL_CLOSURE("Y3", NOT_COUNTED, "unable to attend: part of the school premises closed"),
    UNABLE_WHOLE_CLOSURE("Y4", NOT_COUNTED, "unable to attend: whole school site unexpectedly closed"),
    UNABLE_DETENTION("Y5", NOT_COUNTED, "unable to attend: in criminal justice detention"),
    UNABLE_PUBLIC_HEALTH("Y6", NOT_COUNTED, "unable to attend: public health guidance or law"),
    UNABLE_OTHER("Y7", NOT_COUNTED, "unable to attend: other exceptional circumstances"),
    NOT_ON_ROLL("Z", NOT_COUNTED, "pupil not yet on roll"),
    PLANNED_CLOSURE("#", NOT_COUNTED, "planned whole-school closure");

    /** Codes withdrawn by the 2024 regulations or before, with what replaced them. */
    private static final Map<String, String> WITHDRAWN = Map.of(
            "H", "code H (agreed family holiday) was withdrawn in August 2024: use C for leave the head"
                    + " authorised in exceptional circumstances, or G for a holiday not authorised",
            "J", "code J (interview) was withdrawn in August 2024: use J1",
            "Y", "plain code Y was withdrawn in August 2024: use Y1 to Y7 for the circumstance",
            "F", "code F (extended family holiday) was withdrawn in 2013: use C if the head authorised"
                    + " the leave in exceptional circumstances, otherwise G");

    private static final Map<String, AttendanceCode> BY_SYMBOL = new HashMap<>();

    static {
        for (AttendanceCode code : values()) {
            BY_SYMBOL.put(code.symbol, code);
        }
    }

    private final String symbol;
    private final AttendanceCategory category;
    private final String meaning;

    AttendanceCode(String symbol, AttendanceCategory category, String meaning) {
        this.symbol = symbol;
        this.category = category;
        this.meaning = meaning;
    }

    /** The code as it stands in a register: "/", "L", "C1", "#". */
    public String symbol() {
        return symbol;
    }

    public AttendanceCategory category() {
        return category;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * The code for a register symbol. A withdrawn code is refused with what replaced it; an
     * unknown one with the symbol quoted.
     */
    public static AttendanceCode fromSymbol(String symbol) {
        AttendanceCode code = symbol == null ? null : BY_SYMBOL.get(symbol);
        if (code != null) {
            return code;
        }
        String withdrawn = symbol == null ? null : WITHDRAWN.get(symbol);
        if (withdrawn != null) {
            throw new IllegalArgumentException(withdrawn);
        }
        throw new IllegalArgumentException("'" + symbol + "' is not a register code in force since August 2024");
    }
}
