package org.attendanceroutes.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.school.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Loading a school's calendar over HTTP, as an attendance officer does each year. */
@ApplicationTest
class CalendarApiTest {

    static final String URN = "940002";

    @Autowired
    TestSchools testSchools;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CalendarService calendars;

    Long schoolId;

    @BeforeEach
    void school() {
        schoolId = testSchools.school(URN).getId();
    }

    ResponseEntity<Map> put(String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.withBasicAuth("officer", "demo").exchange("/api/schools/" + URN + "/calendar", HttpMethod.PUT,
                new HttpEntity<>(csv, headers), Map.class);
    }

    @Test
    void anExtraInsetDayLoadedOverHttpIsUsedAtOnce() {
        String year = """
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,AUTUMN_2,2026-11-02,2026-12-18,
                2026-27,SPRING_1,2027-01-04,2027-02-12,
                2026-27,SPRING_2,2027-02-22,2027-03-25,
                2026-27,SUMMER_1,2027-04-12,2027-05-28,
                2026-27,SUMMER_2,2027-06-07,2027-07-21,
                2026-27,INSET_DAY,2026-09-01,2026-09-02,Staff training
                2026-27,INSET_DAY,2026-11-16,,Extra training day
                """;
        ResponseEntity<Map> response = put(year);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        SchoolCalendar calendar = calendars.calendarFor(schoolId);
        assertThat(calendar.isSchoolDay(java.time.LocalDate.of(2026, 11, 16))).isFalse();
        assertThat(calendar.isSchoolDay(java.time.LocalDate.of(2027, 1, 4))).as("not an INSET day in the new file").isTrue();
        assertThat(calendar.halfTerms()).as("2027-28 is kept").hasSize(12);
        assertThat(http.withBasicAuth("officer", "demo").getForObject("/api/schools/" + URN + "/calendar", String.class))
                .contains("\"kind\":\"INSET_DAY\"").contains("2026-11-16");
    }

    @Test
    void aClosureWhoseQuotedDescriptionHoldsACommaIsLoaded() {
        ResponseEntity<Map> response = put("""
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,AUTUMN_2,2026-11-02,2026-12-18,
                2026-27,CLOSURE,2026-12-07,,"Boiler repair, heating off"
                """);

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(calendars.calendarFor(schoolId).isSchoolDay(java.time.LocalDate.of(2026, 12, 7))).isFalse();
        assertThat(jdbc.queryForObject("select description from calendar_closure where school_id = ? and closure_date = ?",
                String.class, schoolId, java.time.LocalDate.of(2026, 12, 7))).isEqualTo("Boiler repair, heating off");
    }

    @Test
    void aBadFileIsRefusedWithItsLinesAndChangesNothing() {
        int before = calendars.calendarFor(schoolId).halfTerms().size();
        ResponseEntity<Map> response = put("""
                academic_year,kind,start,end,description
                2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                2026-27,INSET_DAY,2026-13-01,,oops
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").toString()).contains("line 3: start '2026-13-01' is not a date");
        assertThat(calendars.calendarFor(schoolId).halfTerms()).hasSize(before);
    }

    @Test
    void anUnknownSchoolIsNotFound() {
        assertThat(http.withBasicAuth("officer", "demo").getForEntity("/api/schools/999999/calendar", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
