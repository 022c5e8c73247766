package org.attendanceroutes.attendance;

import java.time.LocalDate;

import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.TestSchools;

/** Registers on the demo schools' calendar (2026-27 and 2027-28), written day by day. */
final class TestRegisters {

    /** The demo calendar: 2026-27 starts on Thursday 3 September 2026 (1 and 2 September are INSET days). */
    static final SchoolCalendar CALENDAR = TestSchools.demoCalendar().toSchoolCalendar();

    private TestRegisters() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** An unmarked register of a pupil on roll from {@code admission} (leaving may be null), covering from..to. */
    static PupilRegister register(String from, String to, String admission, String leaving) {
        return new PupilRegister(SchoolDays.of(CALENDAR, date(from), date(to)), date(admission),
                leaving == null ? null : date(leaving));
    }

    /**
     * Marks consecutive school days from {@code firstDay}, one day per argument written "AM PM"
     * with register symbols, "." to leave a session as it is (unmarked on a fresh register): {@code marks(r, "2026-09-07", "/ \\", "L \\", "N .")}.
     */
    static void marks(PupilRegister register, String firstDay, String... days) {
        LocalDate day = CALENDAR.nextSchoolDayFrom(date(firstDay));
        for (String both : days) {
            String[] codes = both.split(" ");
            if (codes.length != 2) {
                throw new IllegalArgumentException("write a day as 'AM PM', not '" + both + "'");
            }
            markSession(register, day, Session.AM, codes[0]);
            markSession(register, day, Session.PM, codes[1]);
            day = CALENDAR.nextSchoolDayFrom(day.plusDays(1));
        }
    }

    /** Marks every session of every school day from..to with the same pair, "/ \\" for a present pupil. */
    static void markEveryDay(PupilRegister register, String from, String to, String both) {
        for (LocalDate day : CALENDAR.schoolDays(date(from), date(to))) {
            marks(register, day.toString(), both);
        }
    }

    private static void markSession(PupilRegister register, LocalDate day, Session session, String symbol) {
        if (!symbol.equals(".")) {
            if (!register.mark(day, session, AttendanceCode.fromSymbol(symbol))) {
                throw new IllegalArgumentException(day + " is not a school day of the register");
            }
        }
    }
}
