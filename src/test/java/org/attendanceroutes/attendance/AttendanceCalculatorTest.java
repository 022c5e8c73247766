package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.attendanceroutes.attendance.TestRegisters.date;
import static org.attendanceroutes.attendance.TestRegisters.markEveryDay;
import static org.attendanceroutes.attendance.TestRegisters.marks;
import static org.attendanceroutes.attendance.TestRegisters.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden figures, worked out by hand from ../shared/domain.md. The calendar is the demo one:
 * the year starts on Thursday 3 September 2026; Monday 7 September starts the first full week.
 */
class AttendanceCalculatorTest {

    /** Each code as domain.md lists it: possible, attended, approved activity, authorised, unauthorised, not counted. */
    static Stream<Arguments> everyCode() {
        Stream.Builder<Arguments> codes = Stream.builder();
        for (String present : List.of("/", "\\", "L")) {
            codes.add(Arguments.of(present, 1, 1, 0, 0, 0, 0));
        }
        for (String activity : List.of("K", "V", "P", "W", "B")) {
            codes.add(Arguments.of(activity, 1, 1, 1, 0, 0, 0));
        }
        for (String authorised : List.of("C", "C1", "C2", "E", "I", "J1", "M", "R", "S", "T")) {
            codes.add(Arguments.of(authorised, 1, 0, 0, 1, 0, 0));
        }
        for (String unauthorised : List.of("G", "N", "O", "U")) {
            codes.add(Arguments.of(unauthorised, 1, 0, 0, 0, 1, 0));
        }
        for (String notCounted : List.of("D", "Q", "X", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#")) {
            codes.add(Arguments.of(notCounted, 0, 0, 0, 0, 0, 1));
        }
        return codes.build();
    }

    @ParameterizedTest(name = "code {0}")
    @MethodSource("everyCode")
    void eachCodeCountsInItsCategory(String symbol, int possible, int attended, int activity, int authorised,
                                     int unauthorised, int notCounted) {
        PupilRegister register = register("2026-09-07", "2026-09-07", "2026-09-01", null);
        marks(register, "2026-09-07", symbol + " .");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-07"),
                date("2026-09-07"));

        assertThat(figures.possibleSessions()).isEqualTo(possible);
        assertThat(figures.attendedSessions()).isEqualTo(attended);
        assertThat(figures.approvedActivitySessions()).isEqualTo(activity);
        assertThat(figures.presentSessions()).isEqualTo(attended - activity);
        assertThat(figures.authorisedAbsences()).isEqualTo(authorised);
        assertThat(figures.unauthorisedAbsences()).isEqualTo(unauthorised);
        assertThat(figures.notCountedSessions()).isEqualTo(notCounted);
        assertThat(figures.unmarkedSessions()).isEqualTo(1);
        assertThat(figures.sessionsByCode()).containsExactly(Map.entry(symbol, 1));
        assertThat(figures.attendancePercent()).isEqualTo(possible == 0 ? null : new BigDecimal(attended == 1 ? "100.0" : "0.0"));
    }

    @Test
    void aWorkedWeekWithLatenessAbsenceAndAnUnmarkedSession() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", null);
        marks(register, "2026-09-07", "/ \\", "L \\", "U \\", "I I", "N .");

        AttendanceFigures week = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"),
                date("2026-09-11"));

        // 10 sessions, 1 unmarked: 9 possible; attended Mon 2 + Tue 2 (L is present) + Wed PM = 5;
        // authorised I I = 2; unauthorised U (the whole session) + N = 2
        assertThat(week.possibleSessions()).isEqualTo(9);
        assertThat(week.attendedSessions()).isEqualTo(5);
        assertThat(week.authorisedAbsences()).isEqualTo(2);
        assertThat(week.unauthorisedAbsences()).isEqualTo(2);
        assertThat(week.unmarkedSessions()).isEqualTo(1);
        assertThat(week.lateBeforeClose()).isEqualTo(1);
        assertThat(week.lateAfterClose()).isEqualTo(1);
        assertThat(week.attendancePercent()).isEqualByComparingTo("55.6"); // 5 / 9 = 55.56 %
        assertThat(week.absencePercent()).isEqualByComparingTo("44.4");    // 4 / 9 = 44.44 %
        assertThat(week.persistentAbsence()).isTrue();
        assertThat(week.severeAbsence()).isFalse();                        // 44.4 % < 50 %
        assertThat(week.sessionsByCode()).containsExactly(Map.entry("/", 1), Map.entry("\\", 3), Map.entry("L", 1),
                Map.entry("I", 2), Map.entry("N", 1), Map.entry("U", 1));
    }

    @Test
    void lateBeforeTheRegisterClosesIsPresentLateAfterIsAnUnauthorisedAbsence() {
        PupilRegister register = register("2026-09-07", "2026-09-08", "2026-09-01", null);
        marks(register, "2026-09-07", "L \\", "U \\");

        AttendanceFigures monday = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-07"), date("2026-09-08"));
        AttendanceFigures tuesday = AttendanceCalculator.figures(register, date("2026-09-08"), date("2026-09-08"), date("2026-09-08"));

        assertThat(monday.attendancePercent()).isEqualByComparingTo("100.0");
        assertThat(monday.lateBeforeClose()).isEqualTo(1);
        assertThat(tuesday.attendancePercent()).isEqualByComparingTo("50.0");
        assertThat(tuesday.unauthorisedAbsences()).isEqualTo(1);
        assertThat(tuesday.lateAfterClose()).isEqualTo(1);
    }

    @Test
    void notCountedSessionsAreNeitherPossibleNorAttended() {
        PupilRegister register = register("2026-09-07", "2026-09-09", "2026-09-01", null);
        marks(register, "2026-09-07", "D #", "Y1 Y7", "/ \\");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-09"), date("2026-09-09"));

        assertThat(figures.possibleSessions()).isEqualTo(2);
        assertThat(figures.notCountedSessions()).isEqualTo(4);
        assertThat(figures.attendancePercent()).isEqualByComparingTo("100.0");
        AttendanceFigures onlyNotCounted = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-08"),
                date("2026-09-09"));
        assertThat(onlyNotCounted.possibleSessions()).isZero();
        assertThat(onlyNotCounted.attendancePercent()).isNull();
        assertThat(onlyNotCounted.absencePercent()).isNull();
        assertThat(onlyNotCounted.persistentAbsence()).isFalse();
    }

    @Test
    void aPupilAdmittedMidWeekIsMeasuredFromAdmission() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-09", null);
        // marks before admission should not exist; if they do, they do not count
        marks(register, "2026-09-07", "N N", "N N", "/ \\", "/ \\", "I \\");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-09-11"));

        assertThat(figures.from()).isEqualTo("2026-09-09");
        assertThat(figures.possibleSessions()).isEqualTo(6);
        assertThat(figures.attendedSessions()).isEqualTo(5);
        assertThat(figures.attendancePercent()).isEqualByComparingTo("83.3"); // 5 / 6
    }

    @Test
    void aPupilWhoLeftIsMeasuredUpToTheLastDayOnRoll() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", "2026-09-08");
        marks(register, "2026-09-07", "/ \\", "O O", "N N", "N N", "N N");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-09-11"));

        assertThat(figures.to()).isEqualTo("2026-09-08");
        assertThat(figures.possibleSessions()).isEqualTo(4);
        assertThat(figures.unauthorisedAbsences()).isEqualTo(2);
        assertThat(figures.unmarkedSessions()).isZero();
    }

    @Test
    void unmarkedSessionsAreReportedAndNeitherHelpNorHurt() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", null);
        marks(register, "2026-09-07", "/ \\", "I .");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-09-11"));

        assertThat(figures.unmarkedSessions()).isEqualTo(7); // Tue PM and Wed to Fri
        assertThat(figures.possibleSessions()).isEqualTo(3);
        assertThat(figures.attendancePercent()).isEqualByComparingTo("66.7");
    }

    @Test
    void sessionsAfterTodayAreNeitherPossibleNorUnmarked() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", null);
        marks(register, "2026-09-07", "/ \\", "/ \\", "/ .");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-09-09"));

        assertThat(figures.to()).isEqualTo("2026-09-09");
        assertThat(figures.possibleSessions()).isEqualTo(5);
        assertThat(figures.unmarkedSessions()).isEqualTo(1);
    }

    @Test
    void anEmptyRangeHasNothingPossibleAndNoPercentages() {
        PupilRegister register = register("2026-10-23", "2026-11-02", "2026-09-01", null);
        marks(register, "2026-10-23", "N N", "N N");

        for (String[] range : List.of(new String[]{"2026-10-24", "2026-10-25"}, // a weekend
                new String[]{"2026-10-24", "2026-11-01"},                      // the half-term break
                new String[]{"2026-11-02", "2026-10-23"})) {                   // ends before it starts
            AttendanceFigures figures = AttendanceCalculator.figures(register, date(range[0]), date(range[1]),
                    date("2026-11-02"));
            assertThat(figures.possibleSessions()).as(range[0]).isZero();
            assertThat(figures.unmarkedSessions()).isZero();
            assertThat(figures.attendancePercent()).isNull();
            assertThat(figures.absencePercent()).isNull();
            assertThat(figures.persistentAbsence()).isFalse();
            assertThat(figures.severeAbsence()).isFalse();
            assertThat(figures.sessionsByCode()).isEmpty();
        }
    }

    @Test
    void persistentAbsenceStartsAtExactlyTenPercent() {
        PupilRegister register = register("2026-09-07", "2026-09-18", "2026-09-01", null);
        // 10 days: 20 sessions, 2 absent = exactly 10 %
        markEveryDay(register, "2026-09-07", "2026-09-18", "/ \\");
        marks(register, "2026-09-07", "I N");

        AttendanceFigures tenPercent = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-18"), date("2026-09-18"));
        assertThat(tenPercent.absencePercent()).isEqualByComparingTo("10.0");
        assertThat(tenPercent.persistentAbsence()).isTrue();

        // 21 sessions with the same 2 absent: 9.5 %
        PupilRegister longer = register("2026-09-07", "2026-09-21", "2026-09-01", null);
        markEveryDay(longer, "2026-09-07", "2026-09-18", "/ \\");
        marks(longer, "2026-09-07", "I N");
        marks(longer, "2026-09-21", "/ .");
        AttendanceFigures below = AttendanceCalculator.figures(longer, date("2026-09-07"), date("2026-09-21"), date("2026-09-21"));
        assertThat(below.possibleSessions()).isEqualTo(21);
        assertThat(below.absencePercent()).isEqualByComparingTo("9.5");
        assertThat(below.persistentAbsence()).isFalse();
    }

    @Test
    void theFlagsAreExactWhereTheRoundedPercentageIsNot() {
        // 251 possible sessions, 25 absent: 9.96 %, shown as 10.0 % but not yet persistent absence
        PupilRegister register = register("2026-09-03", "2027-07-20", "2026-09-01", null);
        List<LocalDate> days = TestRegisters.CALENDAR.schoolDays(date("2026-09-03"), date("2027-07-20"));
        LocalDate last = days.get(125);
        markEveryDay(register, "2026-09-03", last.minusDays(1).toString(), "/ \\");
        marks(register, last.toString(), "/ .");
        for (int day = 0; day < 12; day++) {
            marks(register, days.get(day).toString(), "I I");
        }
        marks(register, days.get(12).toString(), "O \\");

        AttendanceFigures figures = AttendanceCalculator.figures(register, date("2026-09-03"), last, last);

        assertThat(figures.possibleSessions()).isEqualTo(251);
        assertThat(figures.absentSessions()).isEqualTo(25);
        assertThat(figures.absencePercent()).isEqualByComparingTo("10.0");
        assertThat(figures.persistentAbsence()).isFalse();
    }

    @Test
    void severeAbsenceStartsAtExactlyFiftyPercent() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", null);
        marks(register, "2026-09-07", "/ \\", "/ \\", "/ G", "G G", "G G");

        AttendanceFigures fifty = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-09-11"));
        assertThat(fifty.absencePercent()).isEqualByComparingTo("50.0");
        assertThat(fifty.severeAbsence()).isTrue();
        assertThat(fifty.persistentAbsence()).isTrue();

        AttendanceFigures belowFifty = AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-10"), date("2026-09-11"));
        assertThat(belowFifty.absencePercent()).isEqualByComparingTo("37.5"); // 3 of 8
        assertThat(belowFifty.severeAbsence()).isFalse();
    }

    @Test
    void aRangeBeyondTheRegisterIsRefused() {
        PupilRegister register = register("2026-09-07", "2026-09-11", "2026-09-01", null);

        assertThatThrownBy(() -> AttendanceCalculator.figures(register, date("2026-09-03"), date("2026-09-11"), date("2026-09-11")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the register holds 2026-09-07 to 2026-09-11, not all of 2026-09-03 to 2026-09-11");
    }

    @Nested
    class PenaltyNoticeThreshold {

        /** Tuesday 17 November 2026: the last 10 school weeks start on Monday 7 September (the half-term week has no school day). */
        final String today = "2026-11-17";

        AttendanceSummary withUnauthorised(int inWindow, String... outside) {
            PupilRegister register = new PupilRegister(ReportingPeriods.of(TestRegisters.CALENDAR, date(today)).schoolDays(),
                    date("2026-09-01"), null);
            markEveryDay(register, "2026-09-03", today, "/ \\");
            List<LocalDate> days = TestRegisters.CALENDAR.schoolDays(date("2026-09-07"), date(today));
            for (int session = 0; session < inWindow; session++) {
                // every fourth school day, the AM session: spread over the window, not consecutive
                marks(register, days.get(session * 4).toString(), "O \\");
            }
            for (String day : outside) {
                marks(register, day, "N \\");
            }
            return AttendanceCalculator.summary(register, ReportingPeriods.of(TestRegisters.CALENDAR, date(today)));
        }

        @Test
        void theWindowIsTheLastTenSchoolWeeks() {
            AttendanceSummary summary = withUnauthorised(0);
            assertThat(summary.lastTenSchoolWeeks().from()).isEqualTo("2026-09-07");
            assertThat(summary.lastTenSchoolWeeks().to()).isEqualTo(today);
        }

        @Test
        void nineSessionsAreBelowTheThreshold() {
            AttendanceSummary summary = withUnauthorised(9);
            assertThat(summary.unauthorisedLastTenWeeks()).isEqualTo(9);
            assertThat(summary.penaltyNoticeThresholdReached()).isFalse();
        }

        @Test
        void tenSessionsReachIt() {
            AttendanceSummary summary = withUnauthorised(10);
            assertThat(summary.unauthorisedLastTenWeeks()).isEqualTo(10);
            assertThat(summary.penaltyNoticeThresholdReached()).isTrue();
        }

        @Test
        void elevenSessionsAreBeyondIt() {
            AttendanceSummary summary = withUnauthorised(11);
            assertThat(summary.unauthorisedLastTenWeeks()).isEqualTo(11);
            assertThat(summary.penaltyNoticeThresholdReached()).isTrue();
        }

        @Test
        void aSessionBeforeTheWindowDoesNotCount() {
            // Friday 4 September is in the year but one school week too early
            AttendanceSummary summary = withUnauthorised(9, "2026-09-04");
            assertThat(summary.yearToDate().unauthorisedAbsences()).isEqualTo(10);
            assertThat(summary.unauthorisedLastTenWeeks()).isEqualTo(9);
            assertThat(summary.penaltyNoticeThresholdReached()).isFalse();
        }

        @Test
        void theWindowSpansTermsAndTheNewYearAndMovesOn() {
            // Tuesday 12 January 2027: 10 school weeks back over Christmas and the October break to Monday 19 October
            PupilRegister register = new PupilRegister(ReportingPeriods.of(TestRegisters.CALENDAR, date("2027-01-19")).schoolDays(),
                    date("2026-09-01"), null);
            markEveryDay(register, "2026-09-03", "2027-01-19", "/ \\");
            marks(register, "2026-10-23", "G \\");                       // Friday before the October break
            marks(register, "2026-12-14", "N N", "N N");                 // 4 in December
            marks(register, "2027-01-11", "O O", "O O", "U \\");         // 5 in January

            AttendanceSummary twelfth = AttendanceCalculator.summary(register,
                    ReportingPeriods.of(TestRegisters.CALENDAR, date("2027-01-12")));
            assertThat(twelfth.lastTenSchoolWeeks().from()).isEqualTo("2026-10-19");
            assertThat(twelfth.unauthorisedLastTenWeeks()).isEqualTo(9); // 23 October, 4 in December, 4 in January
            assertThat(twelfth.penaltyNoticeThresholdReached()).isFalse();
            // the next day's U makes 10
            AttendanceSummary thirteenth = AttendanceCalculator.summary(register,
                    ReportingPeriods.of(TestRegisters.CALENDAR, date("2027-01-13")));
            assertThat(thirteenth.unauthorisedLastTenWeeks()).isEqualTo(10);
            assertThat(thirteenth.penaltyNoticeThresholdReached()).isTrue();

            // a week later the window starts on Monday 2 November: 23 October has dropped out
            AttendanceSummary nineteenth = AttendanceCalculator.summary(register,
                    ReportingPeriods.of(TestRegisters.CALENDAR, date("2027-01-19")));
            assertThat(nineteenth.lastTenSchoolWeeks().from()).isEqualTo("2026-11-02");
            assertThat(nineteenth.unauthorisedLastTenWeeks()).isEqualTo(9);
            assertThat(nineteenth.penaltyNoticeThresholdReached()).isFalse();
        }
    }
}
