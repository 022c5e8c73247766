package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.attendance.RegisterImport.ImportError;
import org.attendanceroutes.attendance.RegisterImport.ImportResult;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The register import: all or nothing, every bad line named, idempotent, replaced codes recorded. */
@ApplicationTest
class RegisterImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @Autowired
    TestSchools testSchools;
    @Autowired
    RegisterImport registerImport;
    @Autowired
    RegisterImportCommand command;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    Pupil onRoll;
    Pupil joinedLate;
    Pupil left;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(16, 30).atZone(ZoneId.of("Europe/London")).toInstant()));
        School school = testSchools.school("910301");
        onRoll = testSchools.pupil(school, "910301000001", LocalDate.of(2026, 9, 1), null);
        joinedLate = testSchools.pupil(school, "910301000002", LocalDate.of(2026, 11, 9), null);
        left = testSchools.pupil(school, "910301000003", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 23));
        for (Pupil pupil : List.of(onRoll, joinedLate, left)) {
            testSchools.clearMarks(pupil);
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ImportResult importCsv(String csv) throws IOException {
        return registerImport.importCsv(new StringReader(csv), "officer");
    }

    List<Map<String, Object>> marksOf(Pupil pupil) {
        return jdbc.queryForList("select mark_date, session, code from attendance_mark where pupil_id = ?"
                + " order by mark_date, session", pupil.getId());
    }

    String week() {
        return RegisterImport.HEADER + "\n"
                + onRoll.getUpn() + ",2026-11-16,AM,/\n"
                + onRoll.getUpn() + ",2026-11-16,PM,\\\n"
                + onRoll.getUpn() + ",2026-11-17,AM,L\n"
                + onRoll.getUpn() + ",2026-11-17,PM,N\n"
                + joinedLate.getUpn() + ",2026-11-17,AM,I\n"
                + left.getUpn() + ",2026-10-23,AM,/\n";
    }

    @Test
    void aGoodFileIsImportedWhole() throws IOException {
        ImportResult result = importCsv(week());

        assertThat(result.imported()).isTrue();
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.inserted()).isEqualTo(6);
        assertThat(marksOf(onRoll)).extracting(m -> m.get("mark_date").toString(), m -> m.get("session"), m -> m.get("code"))
                .containsExactly(tuple("2026-11-16", "AM", "/"), tuple("2026-11-16", "PM", "\\"),
                        tuple("2026-11-17", "AM", "L"), tuple("2026-11-17", "PM", "N"));
        assertThat(marksOf(joinedLate)).extracting(m -> m.get("mark_date").toString(), m -> m.get("session"), m -> m.get("code"))
                .containsExactly(tuple("2026-11-17", "AM", "I"));
        assertThat(marksOf(left)).hasSize(1);
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        importCsv(week());
        List<Map<String, Object>> before = marksOf(onRoll);

        ImportResult again = importCsv(week());

        assertThat(again.imported()).isTrue();
        assertThat(again.inserted()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(marksOf(onRoll)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from attendance_mark_change where pupil_id = ?", Long.class,
                onRoll.getId())).isZero();
    }

    @Test
    void aNewCodeForAMarkedSessionReplacesItAndIsRecorded() throws IOException {
        importCsv(week());

        ImportResult result = importCsv(RegisterImport.HEADER + "\n"
                + onRoll.getUpn() + ",2026-11-17,PM,I\n"   // the reason arrived: N becomes I
                + onRoll.getUpn() + ",2026-11-17,AM,L\n"   // as before
                + onRoll.getUpn() + ",2026-11-13,AM,/\n"); // new

        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(result.inserted()).isEqualTo(1);
        assertThat(marksOf(onRoll)).extracting(m -> m.get("code")).containsExactly("/", "/", "\\", "L", "I");
        Map<String, Object> change = jdbc.queryForMap("select mark_date, session, old_code, new_code, changed_at, changed_by"
                + " from attendance_mark_change where pupil_id = ?", onRoll.getId());
        assertThat(change.get("mark_date").toString()).isEqualTo("2026-11-17");
        assertThat(change).containsEntry("session", "PM").containsEntry("old_code", "N").containsEntry("new_code", "I")
                .containsEntry("changed_by", "officer");
        assertThat(jdbc.queryForObject("select changed_at from attendance_mark_change where pupil_id = ?",
                java.time.OffsetDateTime.class, onRoll.getId()).toInstant())
                .isEqualTo(TODAY.atTime(16, 30).atZone(ZoneId.of("Europe/London")).toInstant());
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryBadLine() throws IOException {
        String upn = onRoll.getUpn();
        String unknown = org.attendanceroutes.school.Upn.of("910301999999");
        ImportResult result = importCsv(RegisterImport.HEADER + "\n"
                + upn + ",2026-11-16,AM,/\n"                  // 2: good, yet not imported
                + unknown + ",2026-11-16,AM,/\n"              // 3: unknown pupil
                + "A12345,2026-11-16,AM,/\n"                  // 4: not a UPN
                + upn + ",16/11/2026,PM,/\n"                  // 5: bad date
                + upn + ",2026-11-16,EVE,/\n"                 // 6: bad session
                + upn + ",2026-11-12,AM,A\n"                  // 7: unknown code
                + upn + ",2026-11-12,PM,H\n"                  // 8: withdrawn code
                + joinedLate.getUpn() + ",2026-11-06,AM,/\n"  // 9: before admission
                + left.getUpn() + ",2026-11-02,AM,/\n"        // 10: after leaving
                + upn + ",2026-11-16,AM,I\n"                  // 11: the same session as line 2
                + upn + ",2026-10-26,AM,/\n"                  // 12: half-term holiday
                + upn + ",2026-11-11\n"                       // 13: columns missing
                + "\n"
                + upn + ",2026-10-27,AM,#\n");                // 15: good: a closure code on a closed day

        assertThat(result.imported()).isFalse();
        assertThat(result.totalErrors()).isEqualTo(11);
        assertThat(result.errors()).extracting(ImportError::line, ImportError::message).containsExactly(
                tuple(3, "no pupil with UPN " + unknown),
                tuple(4, "UPN 'A12345' has 6 characters, not 13"),
                tuple(5, "date '16/11/2026' is not a date (YYYY-MM-DD)"),
                tuple(6, "session 'EVE' is not AM or PM"),
                tuple(7, "'A' is not a register code in force since August 2024"),
                tuple(8, "code H (agreed family holiday) was withdrawn in August 2024: use C for leave the head"
                        + " authorised in exceptional circumstances, or G for a holiday not authorised"),
                tuple(9, "UPN " + joinedLate.getUpn() + " was not on roll on 2026-11-06: admitted on 2026-11-09"),
                tuple(10, "UPN " + left.getUpn() + " was not on roll on 2026-11-02: left on 2026-10-23"),
                tuple(11, "UPN " + upn + ", 2026-11-16 AM is already on line 2"),
                tuple(12, "2026-10-26 is not a school day in the calendar of school 910301 (2026-09-01 to 2028-07-21):"
                        + " on such a day only codes that are not counted (D, Q, X, Y1-Y7, Z, #) may be recorded"),
                tuple(13, "expected 4 columns (upn,date,session,code), found 2"));
        assertThat(marksOf(onRoll)).isEmpty();
    }

    @Test
    void manyBadRowsAreCappedWithTheirTotal() throws IOException {
        StringBuilder csv = new StringBuilder(RegisterImport.HEADER + "\n");
        for (int i = 0; i < 150; i++) {
            csv.append(onRoll.getUpn()).append(",2026-11-16,AM,H\n");
        }

        ImportResult result = importCsv(csv.toString());

        assertThat(result.totalErrors()).isEqualTo(150);
        assertThat(result.errors()).hasSize(RegisterImport.ERROR_CAP);
        assertThat(result.errors().get(0).line()).isEqualTo(2);
        assertThat(result.errors().get(99).line()).isEqualTo(101);
    }

    @Test
    void theHeaderIsRequired() throws IOException {
        assertThat(importCsv("").errors()).containsExactly(new ImportError(1,
                "the file is empty: it needs the header 'upn,date,session,code' and a row for each mark"));
        assertThat(importCsv("pupil,day,session,mark\n" + onRoll.getUpn() + ",2026-11-16,AM,/\n").errors())
                .containsExactly(new ImportError(1, "the first line must be the header 'upn,date,session,code'"));
        ImportResult spreadsheet = importCsv("\uFEFFUPN,Date,Session,Code\r\n\"" + onRoll.getUpn() + "\",2026-11-16,am,\"/\"\r\n");
        assertThat(spreadsheet.imported()).as(spreadsheet.errors().toString()).isTrue();
        assertThat(spreadsheet.inserted()).isEqualTo(1);
    }

    @Test
    void overHttpAGoodFileIsOkAndABadOneUnprocessable() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));

        ResponseEntity<String> ok = http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks", new HttpEntity<>(week(), headers), String.class);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(ok.getBody()).path("inserted").asInt()).isEqualTo(6);

        ResponseEntity<String> bad = http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks",
                new HttpEntity<>(RegisterImport.HEADER + "\n" + onRoll.getUpn() + ",2026-11-16,AM,J\n", headers), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode body = json.readTree(bad.getBody());
        assertThat(body.path("totalErrors").asInt()).isEqualTo(1);
        assertThat(body.path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("code J (interview) was withdrawn in August 2024: use J1");

        byte[] latin1 = (RegisterImport.HEADER + "\n" + onRoll.getUpn() + ",2026-11-16,AM,\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<String> notUtf8 = http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks", new HttpEntity<>(latin1, headers), String.class);
        assertThat(notUtf8.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(notUtf8.getBody()).contains("the file is not UTF-8");

        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks", new HttpEntity<>("{}", headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void overHttpTheAuthorOfAChangeIsTheUser() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks", new HttpEntity<>(week(), headers), String.class);

        http.withBasicAuth("officer", "demo").postForEntity("/api/register-marks", new HttpEntity<>(RegisterImport.HEADER + "\n"
                + onRoll.getUpn() + ",2026-11-17,PM,M\n", headers), String.class);

        assertThat(jdbc.queryForObject("select changed_by from attendance_mark_change where pupil_id = ?", String.class,
                onRoll.getId())).isEqualTo("officer");
    }

    @Test
    void fromTheCommandLine(@TempDir Path folder) throws IOException {
        Path good = Files.writeString(folder.resolve("week.csv"), week());
        Path bad = Files.writeString(folder.resolve("bad.csv"), RegisterImport.HEADER + "\n" + onRoll.getUpn() + ",2026-11-18,PM,Y\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(command.importFiles(List.of(good.toString()), new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("week.csv: 6 marks: 6 inserted, 0 changed, 0 unchanged");
        assertThat(command.importFiles(List.of(bad.toString()), new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString()).contains("bad.csv: 1 error(s), nothing imported",
                "bad.csv: line 2: plain code Y was withdrawn in August 2024: use Y1 to Y7 for the circumstance");
        assertThat(command.importFiles(List.of(folder.resolve("missing.csv").toString()), new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(RegisterImportCommand.requested("--import-marks=week.csv")).isTrue();
        assertThat(RegisterImportCommand.requested("--server.port=0")).isFalse();
    }
}
