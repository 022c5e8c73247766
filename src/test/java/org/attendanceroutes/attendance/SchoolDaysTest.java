package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attendanceroutes.attendance.TestRegisters.CALENDAR;
import static org.attendanceroutes.attendance.TestRegisters.date;

import org.junit.jupiter.api.Test;

/** The numbered school days a register is laid out on. */
class SchoolDaysTest {

    /** Thursday 22 October to Tuesday 3 November 2026: Thu, Fri, the half-term break, Mon 2, Tue 3. */
    final SchoolDays days = SchoolDays.of(CALENDAR, date("2026-10-22"), date("2026-11-03"));

    @Test
    void numbersTheSchoolDaysOnly() {
        assertThat(days.size()).isEqualTo(4);
        assertThat(days.day(0)).isEqualTo("2026-10-22");
        assertThat(days.day(2)).isEqualTo("2026-11-02");
        assertThat(days.indexOf(date("2026-11-03"))).isEqualTo(3);
        assertThat(days.indexOf(date("2026-10-26"))).as("in the break").isEqualTo(-1);
        assertThat(days.indexOf(date("2026-11-04"))).as("after the span").isEqualTo(-1);
        assertThat(days.indexOf(date("2026-10-21"))).as("before the span").isEqualTo(-1);
    }

    @Test
    void findsTheNextSchoolDayFromAnyDate() {
        assertThat(days.indexOnOrAfter(date("2026-10-01"))).isZero();
        assertThat(days.indexOnOrAfter(date("2026-10-24"))).isEqualTo(2);
        assertThat(days.indexOnOrAfter(date("2026-11-04"))).isEqualTo(4);
        assertThat(days.weekdayIndex(1)).as("Friday").isEqualTo(4);
    }

    @Test
    void marksOnDaysThatAreNotSchoolDaysAreLeftOut() {
        PupilRegister register = new PupilRegister(days, date("2026-09-01"), null);

        assertThat(register.mark(date("2026-10-26"), Session.AM, AttendanceCode.PLANNED_CLOSURE)).isFalse();
        assertThat(register.mark(date("2026-11-02"), Session.PM, AttendanceCode.ILLNESS)).isTrue();
        assertThat(register.code(date("2026-11-02"), Session.PM)).isEqualTo(AttendanceCode.ILLNESS);
        assertThat(register.code(date("2026-11-02"), Session.AM)).isNull();
    }
}
