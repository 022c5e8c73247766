package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GET /api/pupils/{upn}/attendance: the figures as JSON, and clear errors. */
@ApplicationTest
class AttendanceApiTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @Autowired
    TestSchools testSchools;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    PupilRepository pupils;
    @Autowired
    JdbcTemplate jdbc;

    Pupil pupil;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
        School school = testSchools.school("910101");
        pupil = testSchools.pupil(school, "910101000001", LocalDate.of(2026, 9, 1), null);
        testSchools.clearMarks(pupil);
        testSchools.markEveryDay(pupil, "2026-09-03", "2026-11-13", "/ \\");
        testSchools.recode(pupil, "2026-09-03", "AM", "I");
        testSchools.recode(pupil, "2026-09-03", "PM", "I");
        testSchools.marks(pupil, "2026-11-16", "N N", "N .");
        testSchools.recode(pupil, "2026-09-08", "AM", "L");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    JsonNode get(String query, HttpStatus expected) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("officer", "demo").getForEntity("/api/pupils/" + query, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        return json.readTree(response.getBody());
    }

    @Test
    void answersWithTheRangeAndTheSummaryOfToday() throws Exception {
        JsonNode body = get(pupil.getUpn() + "/attendance?from=2026-09-07&to=2026-09-11", HttpStatus.OK);

        assertThat(body.path("upn").asText()).isEqualTo(pupil.getUpn());
        assertThat(body.path("today").asText()).isEqualTo("2026-11-17");
        JsonNode range = body.path("range");
        assertThat(range.path("from").asText()).isEqualTo("2026-09-07");
        assertThat(range.path("possibleSessions").asInt()).isEqualTo(10);
        assertThat(range.path("attendancePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(range.path("lateBeforeClose").asInt()).isEqualTo(1);
        assertThat(range.path("sessionsByCode").path("L").asInt()).isEqualTo(1);
        JsonNode summary = body.path("summary");
        assertThat(summary.path("yearToDate").path("attendancePercent").decimalValue()).isEqualByComparingTo("94.8");
        assertThat(summary.path("currentHalfTermName").asText()).isEqualTo("Autumn 2 2026-27");
        assertThat(summary.path("previousHalfTerm").path("attendancePercent").decimalValue()).isEqualByComparingTo("97.3");
        assertThat(summary.path("lastTenSchoolWeeks").path("from").asText()).isEqualTo("2026-09-07");
        assertThat(summary.path("unauthorisedLastTenWeeks").asInt()).isEqualTo(3);
        assertThat(summary.path("penaltyNoticeThresholdReached").asBoolean()).isFalse();
        assertThat(summary.path("consecutiveDaysAbsent").asInt()).isEqualTo(2);
        assertThat(summary.path("weekdayPattern").path("absentSessions").path("MONDAY").asInt()).isEqualTo(2);
        assertThat(summary.path("weekdayPattern").path("standsOut").isNull()).isTrue();
    }

    @Test
    void aRangeIntoTheFutureStopsAtToday() throws Exception {
        JsonNode range = get(pupil.getUpn() + "/attendance?from=2026-11-16&to=2026-12-18", HttpStatus.OK).path("range");

        assertThat(range.path("to").asText()).isEqualTo("2026-11-17");
        assertThat(range.path("possibleSessions").asInt()).isEqualTo(3);
        assertThat(range.path("unmarkedSessions").asInt()).isEqualTo(1);
        assertThat(range.path("attendancePercent").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(range.path("severeAbsence").asBoolean()).isTrue();
    }

    @Test
    void anUnknownPupilIsNotFound() throws Exception {
        String unknown = org.attendanceroutes.school.Upn.of("910101999999");
        assertThat(get(unknown + "/attendance?from=2026-09-07&to=2026-09-11", HttpStatus.NOT_FOUND).path("detail").asText())
                .isEqualTo("no pupil with UPN " + unknown);
    }

    @Test
    void badParametersAreNamed() throws Exception {
        String upn = pupil.getUpn();
        assertThat(get("X123/attendance?from=2026-09-07&to=2026-09-11", HttpStatus.BAD_REQUEST).path("detail").asText())
                .isEqualTo("UPN 'X123' has 4 characters, not 13");
        assertThat(get(upn + "/attendance?from=2026-13-01&to=2026-09-11", HttpStatus.BAD_REQUEST).path("detail").asText())
                .isEqualTo("from: '2026-13-01' is not a date (YYYY-MM-DD)");
        assertThat(get(upn + "/attendance?from=2026-09-07", HttpStatus.BAD_REQUEST).path("detail").asText())
                .isEqualTo("to is required (a date, YYYY-MM-DD)");
        assertThat(get(upn + "/attendance?from=2026-09-11&to=2026-09-07", HttpStatus.BAD_REQUEST).path("detail").asText())
                .isEqualTo("to (2026-09-07) is before from (2026-09-11)");
        assertThat(get(upn + "/attendance?from=2025-09-01&to=2026-09-11", HttpStatus.BAD_REQUEST).path("detail").asText())
                .isEqualTo("from (2025-09-01) is outside the school's calendar, which runs from 2026-09-01 to 2028-07-21");
    }
}
