package org.attendanceroutes.calendar;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.attendanceroutes.school.TestSchools;
import org.junit.jupiter.api.Test;

/** School-time arithmetic on the demo calendar: 2026-27 and 2027-28, 190 school days each. */
class SchoolCalendarTest {

    final SchoolCalendar calendar = TestSchools.demoCalendar().toSchoolCalendar();

    @Test
    void aSixWeekTargetSetTheWeekBeforeChristmasEndsInFebruaryNotInTheHoliday() {
        // Friday 11 December: school weeks of 14 Dec, 4, 11, 18, 25 Jan and 1 Feb -> Friday 5 February
        assertThat(calendar.addSchoolWeeks(of(2026, 12, 11), 6)).isEqualTo(of(2027, 2, 5));
        // set on the last Monday of term: 4 Jan (INSET Monday) week counts as the first week
        assertThat(calendar.addSchoolWeeks(of(2026, 12, 14), 6)).isEqualTo(of(2027, 2, 8));
        // a one-week target landing on the INSET Monday moves to the first school day
        assertThat(calendar.addSchoolWeeks(of(2026, 12, 14), 1)).isEqualTo(of(2027, 1, 5));
    }

    @Test
    void sixSchoolWeeksAcrossTheFebruaryHalfTermSkipTheBreak() {
        // Wednesday 27 Jan + 6 school weeks: 3 Feb, 10 Feb, (break), 24 Feb, 3, 10, 17 Mar
        assertThat(calendar.addSchoolWeeks(of(2027, 1, 27), 6)).isEqualTo(of(2027, 3, 17));
    }

    @Test
    void twentySchoolDaysAcrossTheOctoberHalfTermBreak() {
        // from Monday 12 October: 9 days to the break, 26-30 October skipped, 11 more to Monday 16 November
        assertThat(calendar.addSchoolDays(of(2026, 10, 12), 20)).isEqualTo(of(2026, 11, 16));
        assertThat(calendar.schoolDaysBetween(of(2026, 10, 13), of(2026, 11, 16))).isEqualTo(20);
    }

    @Test
    void dayThreeIsTwoSchoolDaysAfterDayOneAcrossAWeekend() {
        assertThat(calendar.addSchoolDays(of(2026, 11, 19), 2)).isEqualTo(of(2026, 11, 23));
        assertThat(calendar.addSchoolDays(of(2026, 11, 21), 0)).as("a Saturday rolls to Monday").isEqualTo(of(2026, 11, 23));
    }

    @Test
    void theLatestSchoolDayIsTodayOnASchoolDayAndTheDayBeforeAWeekendOrBreakOtherwise() {
        assertThat(calendar.latestSchoolDayOnOrBefore(of(2026, 11, 19))).isEqualTo(of(2026, 11, 19));
        assertThat(calendar.latestSchoolDayOnOrBefore(of(2026, 11, 22))).as("a Sunday").isEqualTo(of(2026, 11, 20));
        assertThat(calendar.latestSchoolDayOnOrBefore(of(2026, 10, 28))).as("in the October break")
                .isEqualTo(of(2026, 10, 23));
        assertThat(calendar.latestSchoolDayOnOrBefore(of(2027, 1, 4))).as("the INSET Monday after Christmas")
                .isEqualTo(of(2026, 12, 18));
    }

    @Test
    void theEndOfTheNextHalfTermFromEveryDayOfTheAutumnTerm() {
        for (LocalDate d = of(2026, 9, 1); !d.isAfter(of(2026, 10, 23)); d = d.plusDays(1)) {
            assertThat(calendar.endOfCurrentHalfTerm(d)).as("current from %s", d).isEqualTo(of(2026, 10, 23));
            assertThat(calendar.endOfNextHalfTerm(d)).as("next from %s", d).isEqualTo(of(2026, 12, 18));
        }
        for (LocalDate d = of(2026, 10, 24); !d.isAfter(of(2026, 11, 1)); d = d.plusDays(1)) {
            assertThat(calendar.endOfNextHalfTerm(d)).as("in the break, the half term to come, from %s", d)
                    .isEqualTo(of(2026, 12, 18));
        }
        for (LocalDate d = of(2026, 11, 2); !d.isAfter(of(2026, 12, 18)); d = d.plusDays(1)) {
            assertThat(calendar.endOfCurrentHalfTerm(d)).as("current from %s", d).isEqualTo(of(2026, 12, 18));
            assertThat(calendar.endOfNextHalfTerm(d)).as("next from %s", d).isEqualTo(of(2027, 2, 12));
        }
        // Spring 2 ends on Thursday 25 March (Good Friday), Summer 2 on Tuesday 20 July (21 July is INSET)
        assertThat(calendar.endOfNextHalfTerm(of(2027, 2, 1))).isEqualTo(of(2027, 3, 25));
        assertThat(calendar.endOfNextHalfTerm(of(2027, 5, 10))).isEqualTo(of(2027, 7, 20));
    }

    @Test
    void weekendsBankHolidaysAndInsetDaysNeverCount() {
        int days = 0;
        for (LocalDate d = of(2026, 8, 1); !d.isAfter(of(2027, 8, 31)); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days++;
                assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                assertThat(calendar.closures()).doesNotContainKey(d);
            }
        }
        assertThat(days).isEqualTo(190);
        assertThat(calendar.isSchoolDay(of(2027, 5, 3))).as("early May bank holiday").isFalse();
        assertThat(calendar.isSchoolDay(of(2026, 9, 1))).as("INSET day").isFalse();
        assertThat(calendar.isSchoolDay(of(2026, 12, 25))).as("Christmas").isFalse();
        assertThat(calendar.addSchoolDays(of(2027, 4, 30), 1)).as("Friday to Tuesday over the bank holiday")
                .isEqualTo(of(2027, 5, 4));
    }

    @Test
    void aSchoolWithAnExtraInsetDayCountsOneDayLess() {
        Map<LocalDate, ClosureKind> closures = new HashMap<>(calendar.closures());
        closures.put(of(2026, 11, 16), ClosureKind.INSET_DAY);
        SchoolCalendar extraInset = new SchoolCalendar(calendar.halfTerms(), closures);
        assertThat(extraInset.isSchoolDay(of(2026, 11, 16))).isFalse();
        assertThat(extraInset.addSchoolDays(of(2026, 10, 12), 20)).isEqualTo(of(2026, 11, 17));
        assertThat(extraInset.schoolDaysBetween(of(2026, 9, 1), of(2027, 7, 31))).isEqualTo(189);
        assertThat(calendar.addSchoolDays(of(2026, 10, 12), 20)).as("the other school is unaffected")
                .isEqualTo(of(2026, 11, 16));
    }

    @Test
    void schoolWeeksBetweenCountWeeksThatHoldASchoolDay() {
        // Autumn 1: the short first week (3-4 September) to the week of 19 October: 8 weeks
        assertThat(calendar.schoolWeeksBetween(of(2026, 9, 1), of(2026, 10, 23))).isEqualTo(8);
        // the Christmas holiday adds no week
        assertThat(calendar.schoolWeeksBetween(of(2026, 12, 14), of(2027, 1, 8))).isEqualTo(2);
        assertThat(calendar.schoolWeeksBetween(of(2026, 10, 26), of(2026, 10, 30))).isZero();
    }

    @Test
    void theRollingTenSchoolWeeksSpanTermsAndSkipHolidays() {
        // from Friday 15 January 2027 back: 11 Jan, 4 Jan, 14 Dec, 7 Dec, 30 Nov, 23 Nov, 16 Nov, 9 Nov, 2 Nov, 19 Oct
        assertThat(calendar.startOfLastSchoolWeeks(of(2027, 1, 15), 10)).isEqualTo(of(2026, 10, 19));
        // at the start of the year the window holds what there is
        assertThat(calendar.startOfLastSchoolWeeks(of(2026, 9, 10), 10)).isEqualTo(of(2026, 9, 3));
    }

    @Test
    void theAcademicYearStartsOnItsFirstSchoolDay() {
        assertThat(calendar.startOfAcademicYear(of(2026, 11, 20))).isEqualTo(of(2026, 9, 3));
        assertThat(calendar.startOfAcademicYear(of(2027, 8, 10))).as("summer holiday: the year to come")
                .isEqualTo(of(2027, 9, 3));
        assertThat(calendar.previousHalfTerm(of(2026, 11, 20)).orElseThrow().name()).isEqualTo("Autumn 1 2026-27");
        assertThat(calendar.previousHalfTerm(of(2026, 9, 20))).isEmpty();
    }

    @Test
    void beyondTheLoadedCalendarTheErrorSaysWhatToLoad() {
        assertThatThrownBy(() -> calendar.addSchoolWeeks(of(2028, 7, 1), 6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the school calendar ends on 2028-07-21")
                .hasMessageContaining("load the next academic year's calendar");
    }

    @Test
    void countsMustBePositive() {
        assertThatThrownBy(() -> calendar.addSchoolWeeks(of(2026, 11, 2), 0)).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> calendar.addSchoolDays(of(2026, 11, 2), -1)).hasMessageContaining("0 or more");
    }
}
