package org.attendanceroutes.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CalendarFileTest {

    static CalendarFile parse(String text) throws IOException {
        return CalendarFile.parse(new StringReader(text));
    }

    @Test
    void readsHalfTermsAndClosureRanges() throws IOException {
        CalendarFile file = parse("""
                # a comment
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,AUTUMN_2,2026-11-02,2026-12-18,

                2026-27,CLOSURE,2026-12-07,2026-12-08,Boiler
                2026-27,INSET_DAY,2026-09-01,,Training
                """);
        assertThat(file.academicYears()).containsExactly("2026-27");
        assertThat(file.halfTerms()).hasSize(2);
        assertThat(file.closures()).containsOnlyKeys(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8),
                LocalDate.of(2026, 9, 1));
        assertThat(file.toSchoolCalendar().isSchoolDay(LocalDate.of(2026, 12, 8))).isFalse();
    }

    @Test
    void aBadFileIsRefusedWholeNamingEveryBadLine() {
        CalendarFile.InvalidCalendarException refused = catchThrowableOfType(CalendarFile.InvalidCalendarException.class,
                () -> parse("""
                        academic_year,kind,start,end,description
                        2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                        2026-27,AUTUMN_3,2026-11-02,2026-12-18,
                        2026/27,SPRING_1,2027-01-04,2027-02-12,
                        2026-27,SPRING_2,2027-02-31,2027-03-25,
                        2026-27,INSET_DAY,2026-09-01,,
                        2026-27,INSET_DAY,2026-09-01,,again
                        2026-27,SUMMER_1,2027-05-28,2027-04-12,
                        2026-27,SUMMER_2,2027-06-07,,
                        too,few
                        """));
        assertThat(refused.errors()).containsExactly(
                "line 3: unknown kind 'AUTUMN_3'; use AUTUMN_1 ... SUMMER_2, INSET_DAY, BANK_HOLIDAY or CLOSURE",
                "line 4: academic year '2026/27' is not of the form 2026-27",
                "line 5: start '2027-02-31' is not a date (YYYY-MM-DD)",
                "line 7: 2026-09-01 is already listed as a closure",
                "line 8: end 2027-04-12 is before start 2027-05-28",
                "line 9: half term SUMMER_2 needs an end date",
                "line 10: expected 5 columns (academic_year,kind,start,end,description), found 2");
    }

    @Test
    void refusesAMissingHeaderAnEmptyFileAndOverlappingHalfTerms() {
        assertThat(catchThrowableOfType(CalendarFile.InvalidCalendarException.class,
                () -> parse("2026-27,AUTUMN_1,2026-09-01,2026-10-23,\n")).errors())
                .containsExactly("line 1: the header must be 'academic_year,kind,start,end,description'");
        assertThat(catchThrowableOfType(CalendarFile.InvalidCalendarException.class, () -> parse("")).errors())
                .containsExactly("the file is empty: it needs the header 'academic_year,kind,start,end,description' and at least one half term");
        assertThat(catchThrowableOfType(CalendarFile.InvalidCalendarException.class, () -> parse("""
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,AUTUMN_2,2026-10-20,2026-12-18,
                """)).errors()).containsExactly("Autumn 2 2026-27 overlaps Autumn 1 2026-27");
    }

    @Test
    void aQuotedDescriptionMayHoldCommasQuotesAndLineBreaks() throws IOException {
        CalendarFile file = parse("""
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,AUTUMN_2,2026-11-02,2026-12-18,
                2026-27,CLOSURE,2026-12-07,,"Boiler repair, heating off"
                2026-27,INSET_DAY,2026-09-01,,"The ""new"" curriculum,
                day one"
                """);

        assertThat(file.closures().get(LocalDate.of(2026, 12, 7)))
                .isEqualTo(new CalendarFile.Closure(ClosureKind.CLOSURE, "Boiler repair, heating off"));
        assertThat(file.closures().get(LocalDate.of(2026, 9, 1)).description())
                .isEqualTo("The \"new\" curriculum,\nday one");
    }

    @Test
    void linesAreNumberedAsInTheFileAfterAQuotedLineBreakAndAComment() {
        CalendarFile.InvalidCalendarException refused = catchThrowableOfType(CalendarFile.InvalidCalendarException.class,
                () -> parse("\uFEFFacademic_year,kind,start,end,description\r\n"
                        + "2026-27,AUTUMN_1,2026-09-01,2026-10-23,\"First half,\r\nof the autumn\"\r\n"
                        + "# the closures\r\n"
                        + "2026-27,CLOSURE,2026-12-07,,\"Boiler, again\",extra\r\n"
                        + "2026-27,CLOSURE,\"2026-12-08\r\n"));
        assertThat(refused.errors()).containsExactly(
                "line 5: expected 5 columns (academic_year,kind,start,end,description), found 6",
                "line 6: a quoted value on this line is not closed, or something other than a comma follows its"
                        + " closing quote");
    }
}
