package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attendanceroutes.attendance.TestRegisters.CALENDAR;
import static org.attendanceroutes.attendance.TestRegisters.date;
import static org.attendanceroutes.attendance.TestRegisters.markEveryDay;
import static org.attendanceroutes.attendance.TestRegisters.marks;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Golden summaries: the periods, the weekday pattern and the run of absent days, worked out by hand. */
class AttendanceSummaryTest {

    static PupilRegister register(String today, String admission) {
        return new PupilRegister(ReportingPeriods.of(CALENDAR, date(today)).schoolDays(), date(admission), null);
    }

    static AttendanceSummary summary(PupilRegister register, String today) {
        return AttendanceCalculator.summary(register, ReportingPeriods.of(CALENDAR, date(today)));
    }

    @Test
    void yearToDateHalfTermsAndTheLastTenWeeks() {
        PupilRegister register = register("2026-11-17", "2026-09-01");
        markEveryDay(register, "2026-09-03", "2026-11-13", "/ \\");
        marks(register, "2026-09-03", "I I");
        marks(register, "2026-11-16", "N N", "N .");

        AttendanceSummary summary = summary(register, "2026-11-17");

        // Autumn 1: 37 days, 74 sessions, 2 absent: 72 / 74 = 97.30 %
        assertThat(summary.previousHalfTermName()).isEqualTo("Autumn 1 2026-27");
        assertThat(summary.previousHalfTerm().possibleSessions()).isEqualTo(74);
        assertThat(summary.previousHalfTerm().attendancePercent()).isEqualByComparingTo("97.3");
        // Autumn 2 to Tuesday 17 November: 12 days, 24 sessions, 1 unmarked, 3 absent: 20 / 23 = 86.96 %
        assertThat(summary.currentHalfTermName()).isEqualTo("Autumn 2 2026-27");
        assertThat(summary.currentHalfTerm().from()).isEqualTo("2026-11-02");
        assertThat(summary.currentHalfTerm().possibleSessions()).isEqualTo(23);
        assertThat(summary.currentHalfTerm().unmarkedSessions()).isEqualTo(1);
        assertThat(summary.currentHalfTerm().attendancePercent()).isEqualByComparingTo("87.0");
        // the year: 97 possible, 92 attended = 94.85 %, 5 absent = 5.15 %
        assertThat(summary.yearToDate().from()).isEqualTo("2026-09-03");
        assertThat(summary.yearToDate().to()).isEqualTo("2026-11-17");
        assertThat(summary.yearToDate().possibleSessions()).isEqualTo(97);
        assertThat(summary.yearToDate().attendancePercent()).isEqualByComparingTo("94.8");
        assertThat(summary.yearToDate().absencePercent()).isEqualByComparingTo("5.2");
        assertThat(summary.yearToDate().persistentAbsence()).isFalse();
        // the last 10 school weeks start on Monday 7 September: 93 possible, 90 attended = 96.77 %
        assertThat(summary.lastTenSchoolWeeks().from()).isEqualTo("2026-09-07");
        assertThat(summary.lastTenSchoolWeeks().possibleSessions()).isEqualTo(93);
        assertThat(summary.lastTenSchoolWeeks().attendancePercent()).isEqualByComparingTo("96.8");
        assertThat(summary.unauthorisedLastTenWeeks()).isEqualTo(3);
        assertThat(summary.consecutiveDaysAbsent()).isEqualTo(2);
        assertThat(summary.unexplainedSessionsLastDay()).isEqualTo(1);
        assertThat(summary.weekdayPattern().standsOut()).isNull();
    }

    @Test
    void yearToDateStartsAtAdmissionForAPupilWhoJoinedMidYear() {
        PupilRegister register = register("2026-11-17", "2026-11-11");
        markEveryDay(register, "2026-11-11", "2026-11-17", "/ \\");
        marks(register, "2026-11-13", "I I");

        AttendanceSummary summary = summary(register, "2026-11-17");

        assertThat(summary.yearToDate().from()).isEqualTo("2026-11-11");
        assertThat(summary.yearToDate().possibleSessions()).isEqualTo(10); // Wed 11 to Tue 17: 5 days
        assertThat(summary.yearToDate().attendancePercent()).isEqualByComparingTo("80.0");
        assertThat(summary.yearToDate().unmarkedSessions()).isZero();
        assertThat(summary.previousHalfTerm().possibleSessions()).isZero();
        assertThat(summary.previousHalfTerm().attendancePercent()).isNull();
    }

    @Test
    void inTheSummerHolidayTheYearToDateIsTheYearJustEnded() {
        PupilRegister register = register("2027-08-10", "2026-09-01");
        markEveryDay(register, "2026-09-03", "2027-07-20", "/ \\");

        AttendanceSummary summary = summary(register, "2027-08-10");

        assertThat(summary.yearToDate().from()).isEqualTo("2026-09-03");
        assertThat(summary.yearToDate().possibleSessions()).isEqualTo(380);
        assertThat(summary.yearToDate().attendancePercent()).isEqualByComparingTo("100.0");
        assertThat(summary.previousHalfTermName()).isEqualTo("Summer 2 2026-27");
        assertThat(summary.currentHalfTermName()).isEqualTo("Autumn 1 2027-28");
        assertThat(summary.currentHalfTerm().possibleSessions()).isZero();
        assertThat(summary.currentHalfTerm().attendancePercent()).isNull();
    }

    @Test
    void onTheFirstDayOfTheCalendarThereIsNoPreviousHalfTerm() {
        PupilRegister register = register("2026-09-03", "2026-09-01");
        marks(register, "2026-09-03", "/ .");

        AttendanceSummary summary = summary(register, "2026-09-03");

        assertThat(summary.previousHalfTerm()).isNull();
        assertThat(summary.previousHalfTermName()).isNull();
        assertThat(summary.lastTenSchoolWeeks().from()).isEqualTo("2026-09-03");
        assertThat(summary.yearToDate().possibleSessions()).isEqualTo(1);
    }

    /** Friday 9 October 2026: 27 school days this year, 5 Mondays to Wednesdays, 6 Thursdays and Fridays. */
    @Nested
    class WeekdayPatterns {

        final String today = "2026-10-09";

        AttendanceSummary absentOn(String... days) {
            PupilRegister register = register(today, "2026-09-01");
            markEveryDay(register, "2026-09-03", today, "/ \\");
            for (String day : days) {
                marks(register, day, "O O");
            }
            return summary(register, today);
        }

        @Test
        void threeAbsentMondaysStandOut() {
            WeekdayPattern pattern = absentOn("2026-09-14", "2026-09-21", "2026-09-28").weekdayPattern();

            assertThat(pattern.absentSessions()).containsEntry(DayOfWeek.MONDAY, 6).containsEntry(DayOfWeek.TUESDAY, 0);
            assertThat(pattern.possibleSessions()).containsEntry(DayOfWeek.MONDAY, 10).containsEntry(DayOfWeek.FRIDAY, 12);
            assertThat(pattern.standsOut()).isEqualTo(DayOfWeek.MONDAY);
        }

        @Test
        void twoAbsentMondaysAreTooFewToCall() {
            assertThat(absentOn("2026-09-14", "2026-09-21").weekdayPattern().standsOut()).isNull();
        }

        @Test
        void mondaysAmongAbsencesOnMostDaysAreNoPattern() {
            // Monday holds 6 of 18 absent sessions (33 %), less than twice its share of the possible ones (2 x 10 / 54 = 37 %)
            WeekdayPattern pattern = absentOn("2026-09-14", "2026-09-21", "2026-09-28", "2026-09-15", "2026-09-22",
                    "2026-09-16", "2026-09-23", "2026-09-17", "2026-09-24").weekdayPattern();
            assertThat(pattern.standsOut()).isNull();
        }

        @Test
        void ofTwoDisproportionateWeekdaysTheHigherRateStandsOut() {
            // Mondays 6 of 10 possible (60 %), Fridays 8 of 12 (67 %); each over twice its share of the 14 absent
            WeekdayPattern pattern = absentOn("2026-09-14", "2026-09-21", "2026-09-28",
                    "2026-09-04", "2026-09-11", "2026-09-18", "2026-09-25").weekdayPattern();
            assertThat(pattern.standsOut()).isEqualTo(DayOfWeek.FRIDAY);
        }
    }

    @Nested
    class DaysAbsentInARow {

        @Test
        void countsBackFromTodayOverUnmarkedDaysToTheLastAttendance() {
            PupilRegister register = register("2026-10-09", "2026-09-01");
            marks(register, "2026-10-05", "/ \\", "I I", "N N", "O .", ". .");

            AttendanceSummary summary = summary(register, "2026-10-09");

            assertThat(summary.consecutiveDaysAbsent()).isEqualTo(3); // Tue, Wed, Thu; Friday is not marked yet
            assertThat(summary.unexplainedSessionsLastDay()).isZero(); // Thursday: O and unmarked
        }

        @Test
        void runsOnOverTheHalfTermBreakAndNotCountedDays() {
            PupilRegister register = register("2026-11-04", "2026-09-01");
            marks(register, "2026-10-21", "/ \\", "N N", "N N");      // Wed present, Thu and Fri absent
            marks(register, "2026-11-02", "Y1 Y1", "N N", "N N");   // Mon not counted, Tue and Wed absent

            AttendanceSummary summary = summary(register, "2026-11-04");

            assertThat(summary.consecutiveDaysAbsent()).isEqualTo(4);
            assertThat(summary.unexplainedSessionsLastDay()).isEqualTo(2);
        }

        @Test
        void aLateArrivalAfterTheRegisterClosedEndsTheRun() {
            PupilRegister register = register("2026-10-09", "2026-09-01");
            marks(register, "2026-10-07", "N N", "U \\", "N N");

            assertThat(summary(register, "2026-10-09").consecutiveDaysAbsent()).isEqualTo(1);
        }

        @Test
        void startsNoEarlierThanAdmission() {
            PupilRegister register = register("2026-10-09", "2026-10-07");
            marks(register, "2026-10-05", "N N", "N N", "N N", "N N", "N N");

            assertThat(summary(register, "2026-10-09").consecutiveDaysAbsent()).isEqualTo(3);
        }

        @Test
        void isZeroForAPupilInSchoolToday() {
            PupilRegister register = register("2026-10-09", "2026-09-01");
            marks(register, "2026-10-08", "N N", "L \\");

            AttendanceSummary summary = summary(register, "2026-10-09");
            assertThat(summary.consecutiveDaysAbsent()).isZero();
            assertThat(summary.unexplainedSessionsLastDay()).isZero();
        }
    }
}
