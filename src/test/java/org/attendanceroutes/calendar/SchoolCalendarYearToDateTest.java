package org.attendanceroutes.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The year "to date": the year in progress, or in the summer holiday the one just ended. */
class SchoolCalendarYearToDateTest {

    final SchoolCalendar calendar = calendar();

    static SchoolCalendar calendar() {
        try {
            return CalendarFile.parse(new StringReader("""
                    academic_year,kind,start,end,description
                    2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                    2026-27,SUMMER_2,2027-06-07,2027-07-21,
                    2026-27,INSET_DAY,2026-09-01,2026-09-02,
                    2027-28,AUTUMN_1,2027-09-01,2027-10-22,
                    2027-28,INSET_DAY,2027-09-01,,
                    """)).toSchoolCalendar();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void duringTheYearItIsTheYearsFirstSchoolDay() {
        assertThat(calendar.startOfYearToDate(LocalDate.of(2026, 10, 1))).isEqualTo("2026-09-03");
        assertThat(calendar.startOfYearToDate(LocalDate.of(2026, 10, 28))).isEqualTo("2026-09-03");
    }

    @Test
    void inTheSummerHolidayItIsTheYearJustEnded() {
        assertThat(calendar.startOfYearToDate(LocalDate.of(2027, 8, 10))).isEqualTo("2026-09-03");
        assertThat(calendar.startOfAcademicYear(LocalDate.of(2027, 8, 10))).isEqualTo("2027-09-02");
    }

    @Test
    void onTheNewYearsInsetDayTheNewYearHasBegun() {
        assertThat(calendar.startOfYearToDate(LocalDate.of(2027, 9, 1))).isEqualTo("2027-09-02");
    }

    @Test
    void beforeTheCalendarItIsTheFirstYear() {
        assertThat(calendar.startOfYearToDate(LocalDate.of(2026, 8, 20))).isEqualTo("2026-09-03");
    }
}
