package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceroutes.letters.Figures;
import org.attendanceroutes.letters.LetterFixtures;
import org.attendanceroutes.letters.LetterIssuing;
import org.attendanceroutes.letters.LetterRequest;
import org.attendanceroutes.letters.LetterType;
import org.attendanceroutes.letters.Recipients;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.school.Upn;
import org.attendanceroutes.security.RoleTasksRoute;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every controller's refusals through HTTP, with the real services and data: each is
 * {@code application/problem+json} with its status and a detail naming the parameter, field or
 * line at fault, and so are the API's own (no login, no such path, a method or content type it
 * does not take).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiProblemsTest {

    /** A school no calendar was loaded for, there during this class only. */
    static final String NO_CALENDAR = "950002";
    static final String BAD_CALENDAR = """
            academic_year,kind,start,end,description
            2026-27,AUTUMN_1,2026-09-01,2026-10-23,
            2026-27,INSET_DAY,2026-13-01,,oops
            """;

    record Call(String controller, String user, HttpMethod method, String path, MediaType type, String body,
                HttpStatus status, String detail) {

        @Override
        public String toString() {
            return controller + ": " + method + " " + path + " as " + user + " → " + status.value() + " " + detail;
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    RoleTasksRoute route;
    @Autowired
    TestSchools testSchools;
    @Autowired
    Schools schools;
    @Autowired
    LetterFixtures letters;
    @Autowired
    LetterIssuing issuing;
    @Autowired
    JdbcTemplate jdbc;

    RoleTasksRoute.Started notReferred;
    String pupilWithoutCalendar;
    long letterNotForPost;

    @BeforeAll
    void data() {
        notReferred = route.start();
        School school = schools.byUrn(NO_CALENDAR).orElseGet(() -> {
            School created = new School(NO_CALENDAR, "No Calendar Test School", "attendance-action-routes");
            created.setAddress("1 Test Road", null, "Testtown", "TT1 1TT");
            created.setLetterhead("01632 960000", "office@950002.example.invalid", "Mrs H. Head", "Mr A. Lead");
            return schools.save(created);
        });
        pupilWithoutCalendar = testSchools.pupil(school, "950000000201", LocalDate.of(2026, 9, 1), null).getUpn();
        LetterFixtures.setToday();
        // to be emailed: it never waits for post
        letterNotForPost = issuing.issue(new LetterRequest(letters.openCase(letters.pupil("920000000032", "Łucja",
                        LetterFixtures.mother("zofia.920000000032@example.invalid")), LetterType.Route.ACTION).getId(),
                LetterType.ACTION_LETTER_1,
                Recipients.PARENTS, new Figures(87.4, 12.6, 104, 9, 7, LetterFixtures.TODAY), null, null, false,
                "test-" + UUID.randomUUID(), null)).get(0).getId();
    }

    /** Other tests evaluate every school, and a school without a calendar would stop them. */
    @AfterAll
    void removeTheSchoolWithoutACalendarAndResetTheClock() {
        jdbc.update("delete from contact where pupil_id in (select p.id from pupil p join school s on s.id = p.school_id"
                + " where s.urn = ?)", NO_CALENDAR);
        jdbc.update("delete from pupil where school_id in (select id from school where urn = ?)", NO_CALENDAR);
        jdbc.update("delete from school where urn = ?", NO_CALENDAR);
        ClockUtil.reset();
    }

    Stream<Call> calls() {
        MediaType json = MediaType.APPLICATION_JSON;
        MediaType csv = MediaType.valueOf("text/csv");
        String figures = "/attendance?from=2026-09-07&to=2026-09-11";
        String unknownPupil = Upn.of("950000000299");
        String reasons = "/api/pupils/" + notReferred.upn() + "/absence-reasons";
        return Stream.of(
                new Call("cases", "tutor", HttpMethod.GET, "/api/cases/twelve", null, null, HttpStatus.BAD_REQUEST,
                        "id 'twelve' is not a case id (a whole number)"),
                new Call("cases", "tutor", HttpMethod.GET, "/api/cases?upn=A123", null, null, HttpStatus.BAD_REQUEST,
                        "query parameter upn: UPN 'A123'"),
                new Call("cases", "la-officer", HttpMethod.GET, "/api/cases/" + notReferred.caseId() + "/targets", null,
                        null, HttpStatus.FORBIDDEN, "case " + notReferred.caseId() + " is not referred to the local authority"),
                new Call("cases", "tutor", HttpMethod.GET, "/api/cases/987654321/events", null, null, HttpStatus.NOT_FOUND,
                        "no case 987654321"),
                new Call("letters", "officer", HttpMethod.GET, "/api/letters/nine/pdf", null, null, HttpStatus.BAD_REQUEST,
                        "letterId 'nine' is not a letter id (a whole number)"),
                new Call("letters", "officer", HttpMethod.POST, "/api/letters/posted", json, "{\"letterIds\": [1, \"x\"]}",
                        HttpStatus.BAD_REQUEST, "letterIds[1]: 'x' is not a whole number (line 1, column 19)"),
                new Call("letters", "officer", HttpMethod.POST, "/api/letters/posted", json, "{}", HttpStatus.BAD_REQUEST,
                        "letterIds is empty"),
                new Call("letters", "la-officer", HttpMethod.GET, "/api/letters/print-queue", null, null,
                        HttpStatus.FORBIDDEN, "user la-officer may not GET /api/letters/print-queue: it is for tutors"),
                new Call("letters", "officer", HttpMethod.GET, "/api/cases/987654321/letters", null, null,
                        HttpStatus.NOT_FOUND, "case 987654321 does not exist"),
                new Call("letters", "officer", HttpMethod.POST, "/api/letters/posted", json,
                        "{\"letterIds\": [" + letterNotForPost + "]}", HttpStatus.CONFLICT,
                        "letter " + letterNotForPost + " is NOT_SENT, not waiting in the print queue"),
                new Call("attendance", "officer", HttpMethod.GET, "/api/pupils/X123" + figures, null, null,
                        HttpStatus.BAD_REQUEST, "UPN 'X123' has 4 characters, not 13"),
                new Call("attendance", "officer", HttpMethod.GET, "/api/pupils/" + pupilWithoutCalendar
                        + "/attendance?from=2026-13-01&to=2026-09-11", null, null, HttpStatus.BAD_REQUEST,
                        "from: '2026-13-01' is not a date (YYYY-MM-DD)"),
                new Call("attendance", "officer", HttpMethod.GET, "/api/pupils/" + pupilWithoutCalendar
                        + "/attendance?from=2026-09-07", null, null, HttpStatus.BAD_REQUEST, "to is required (a date, YYYY-MM-DD)"),
                new Call("attendance", "la-officer", HttpMethod.GET, "/api/pupils/" + pupilWithoutCalendar + figures, null,
                        null, HttpStatus.FORBIDDEN, "user la-officer may not GET /api/pupils/"),
                new Call("attendance", "officer", HttpMethod.GET, "/api/pupils/" + unknownPupil + figures, null, null,
                        HttpStatus.NOT_FOUND, "no pupil with UPN " + unknownPupil),
                new Call("attendance", "officer", HttpMethod.GET, "/api/pupils/" + pupilWithoutCalendar + figures, null,
                        null, HttpStatus.CONFLICT, "school " + NO_CALENDAR + " has no calendar loaded"),
                new Call("calendar", "officer", HttpMethod.PUT, "/api/schools/" + NO_CALENDAR + "/calendar", csv,
                        BAD_CALENDAR, HttpStatus.BAD_REQUEST, "line 3: start '2026-13-01' is not a date"),
                new Call("calendar", "tutor", HttpMethod.PUT, "/api/schools/" + NO_CALENDAR + "/calendar", csv,
                        BAD_CALENDAR, HttpStatus.FORBIDDEN, "user tutor may not PUT /api/schools/" + NO_CALENDAR + "/calendar"),
                new Call("calendar", "officer", HttpMethod.GET, "/api/schools/999999/calendar", null, null,
                        HttpStatus.NOT_FOUND, "no school with URN 999999"),
                new Call("calendar", "officer", HttpMethod.GET, "/api/schools/" + NO_CALENDAR + "/calendar", null, null,
                        HttpStatus.CONFLICT, "school " + NO_CALENDAR + " has no calendar loaded"),
                new Call("calendar", "officer", HttpMethod.PUT, "/api/schools/" + NO_CALENDAR + "/calendar", json, "{}",
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/json' is not supported"),
                new Call("register marks", "tutor", HttpMethod.POST, "/api/register-marks", csv, "upn,date,session,code",
                        HttpStatus.FORBIDDEN, "user tutor may not POST /api/register-marks"),
                new Call("register marks", "officer", HttpMethod.POST, "/api/register-marks", json, "{}",
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/json' is not supported"),
                new Call("absence reasons", "officer", HttpMethod.POST, "/api/pupils/1980000000091/absence-reasons", json,
                        "{\"reason\": \"Dentist\", \"explainsAbsence\": true}", HttpStatus.BAD_REQUEST,
                        "UPN '1980000000091' has check letter"),
                new Call("absence reasons", "officer", HttpMethod.POST, reasons, json, "{\"reason\": \"Dentist\"}",
                        HttpStatus.BAD_REQUEST, "explainsAbsence: say (true or false)"),
                new Call("absence reasons", "officer", HttpMethod.POST, reasons, json,
                        "{\"reason\": \"Dentist\",\n \"explainsAbsence\": \"perhaps\"}", HttpStatus.BAD_REQUEST,
                        "explainsAbsence: 'perhaps' is not true or false (line 2"),
                new Call("absence reasons", "la-officer", HttpMethod.POST, reasons, json,
                        "{\"reason\": \"Dentist\", \"explainsAbsence\": true}", HttpStatus.FORBIDDEN,
                        "user la-officer may not POST " + reasons),
                new Call("absence reasons", "officer", HttpMethod.POST, "/api/pupils/" + unknownPupil + "/absence-reasons",
                        json, "{\"reason\": \"Dentist\", \"explainsAbsence\": true}", HttpStatus.NOT_FOUND,
                        "no pupil with UPN " + unknownPupil),
                new Call("absence reasons", "officer", HttpMethod.POST, reasons, json,
                        "{\"reason\": \"Dentist\", \"explainsAbsence\": true}", HttpStatus.CONFLICT,
                        "no route of pupil " + notReferred.upn() + " is waiting for a reason"),
                new Call("any", "anonymous", HttpMethod.GET, "/api/cases/1", null, null, HttpStatus.UNAUTHORIZED,
                        "log in with HTTP Basic authentication"),
                new Call("any", "officer", HttpMethod.GET, "/api/no-such-thing", null, null, HttpStatus.NOT_FOUND,
                        "nothing answers GET /api/no-such-thing"),
                new Call("any", "officer", HttpMethod.DELETE, "/api/letters/1", null, null,
                        HttpStatus.METHOD_NOT_ALLOWED, "Method 'DELETE' is not supported"));
    }

    @ParameterizedTest
    @MethodSource("calls")
    void isAProblemSayingWhatIsWrong(Call call) {
        HttpHeaders headers = new HttpHeaders();
        if (call.type() != null) {
            headers.setContentType(call.type());
        }
        TestRestTemplate caller = call.user().equals("anonymous") ? http : http.withBasicAuth(call.user(), "demo");
        ResponseEntity<JsonNode> answer = caller.exchange(URI.create(http.getRootUri() + call.path()), call.method(),
                new HttpEntity<>(call.body(), headers), JsonNode.class);

        assertThat(answer.getStatusCode()).as(call.toString()).isEqualTo(call.status());
        assertThat(answer.getHeaders().getContentType()).as(call.toString()).hasToString("application/problem+json");
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(call.status().value());
        assertThat(answer.getBody().path("detail").asText()).as(call.toString()).contains(call.detail());
    }
}
