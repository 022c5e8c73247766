package org.attendanceroutes.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.TestClock;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.Upn;
import org.attendanceroutes.security.RoleTasksRoute;
import org.attendanceroutes.security.RoleTasksRoute.Started;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The cases read API: what a case shows, and what the local authority may not see. */
@ApplicationTest
class CaseControllerTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RoleTasksRoute route;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    CaseEventRepository events;
    @Autowired
    TargetRepository targets;
    @Autowired
    PupilRepository pupils;
    @Autowired
    Casework casework;
    @Autowired
    Clock clock;

    @BeforeEach
    void setTheClock() {
        // cases open and close "today": the day is the test's, not the calendar's
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 20, 10, 0).atZone(TestClock.LONDON).toInstant()));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    @Test
    void aCaseShowsItsPupilsUpnRouteStatusStageDatesAndOutcomeButNoNames() {
        Started started = route.start();
        casework.enterStage(started.caseId(), "Letter 1");
        casework.close(started.caseId(), "attendance improved");

        ResponseEntity<JsonNode> response = as("teacher").getForEntity("/api/cases/" + started.caseId(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode found = response.getBody();
        assertThat(found.get("id").asLong()).isEqualTo(started.caseId());
        assertThat(found.get("upn").asText()).isEqualTo(started.upn());
        assertThat(found.get("route").asText()).isEqualTo(RoleTasksRoute.KEY);
        assertThat(found.get("status").asText()).isEqualTo("CLOSED");
        assertThat(found.get("stage").asText()).isEqualTo("Letter 1");
        assertThat(found.get("openedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(found.get("closedOn").asText()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(found.get("outcome").asText()).isEqualTo("attendance improved");
        assertThat(found.get("referredOn").isNull()).isTrue();
        assertThat(found.get("processInstanceId").asText()).isEqualTo(started.processInstanceId());
        assertThat(found.toString()).doesNotContain(RoleTasksRoute.PUPIL_FIRST_NAME, RoleTasksRoute.FAMILY_NAME);
    }

    @Test
    void aPupilsCasesAreListedNewestFirst() {
        Started started = route.start();
        Long pupilId = pupils.findByUpn(started.upn()).map(Pupil::getId).orElseThrow();
        InterventionCase older = new InterventionCase(pupilId, "attendance-action-routes", LocalDate.of(2025, 9, 15));
        older.close(LocalDate.of(2025, 12, 1), "attendance improved");
        cases.save(older);

        JsonNode listed = as("hoy").getForObject("/api/cases?upn=" + started.upn(), JsonNode.class);

        assertThat(listed).extracting(c -> c.get("id").asLong()).containsExactly(started.caseId(), older.getId());
    }

    @Test
    void aCasesHistoryAndTargetsAreListedInOrder() {
        Started started = route.start();
        long id = started.caseId();
        // the route opened the case just now: these come after it
        Instant letterSent = clock.instant().plus(Duration.ofDays(1));
        Instant meetingHeld = clock.instant().plus(Duration.ofDays(8));
        events.save(new CaseEvent(id, meetingHeld, CaseEventType.MEETING_HELD, "Letter 1",
                "keyworker", "Meeting held with the family", "agreed a morning routine"));
        events.save(new CaseEvent(id, letterSent, CaseEventType.LETTER_ISSUED, "Letter 1",
                "system", "Letter 1 issued", null));
        targets.save(new Target(id, "96 % over the next 6 weeks", LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 11),
                new BigDecimal("96.00"), "cinema voucher"));

        JsonNode history = as("keyworker").getForObject("/api/cases/" + id + "/events", JsonNode.class);
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsExactly("CASE_OPENED", "LETTER_ISSUED", "MEETING_HELD");
        assertThat(history.get(2).get("performedBy").asText()).isEqualTo("keyworker");
        assertThat(history.get(2).get("details").asText()).isEqualTo("agreed a morning routine");
        assertThat(Instant.parse(history.get(2).get("occurredAt").asText())).isEqualTo(meetingHeld);

        JsonNode set = as("keyworker").getForObject("/api/cases/" + id + "/targets", JsonNode.class);
        assertThat(set).singleElement().satisfies(target -> {
            assertThat(target.get("description").asText()).isEqualTo("96 % over the next 6 weeks");
            assertThat(target.get("requiredPercent").decimalValue()).isEqualByComparingTo("96");
            assertThat(target.get("result").asText()).isEqualTo("PENDING");
            assertThat(target.get("endDate").asText()).isEqualTo("2026-12-11");
        });
    }

    @Test
    void badOrUnknownIdsAndUpnsGetAClearMessage() {
        assertProblem(as("tutor").getForEntity("/api/cases/987654321", JsonNode.class), HttpStatus.NOT_FOUND,
                "no case 987654321");
        assertProblem(as("tutor").getForEntity("/api/cases/987654321/events", JsonNode.class), HttpStatus.NOT_FOUND,
                "no case 987654321");
        assertProblem(as("tutor").getForEntity("/api/cases/twelve", JsonNode.class), HttpStatus.BAD_REQUEST,
                "id 'twelve' is not a case id (a whole number)");
        assertProblem(as("tutor").getForEntity("/api/cases", JsonNode.class), HttpStatus.BAD_REQUEST,
                "query parameter upn: a UPN is required");
        assertProblem(as("tutor").getForEntity("/api/cases?upn=A123", JsonNode.class), HttpStatus.BAD_REQUEST,
                "query parameter upn: UPN 'A123' has 4 characters, not 13");
        String unknown = Upn.of("930000000000");
        assertProblem(as("tutor").getForEntity("/api/cases?upn=" + unknown, JsonNode.class), HttpStatus.NOT_FOUND,
                "no pupil with UPN " + unknown);
    }

    @Test
    void theLocalAuthorityReadsOnlyTheCasesReferredToIt() {
        Started started = route.start();
        Long pupilId = pupils.findByUpn(started.upn()).map(Pupil::getId).orElseThrow();
        InterventionCase notReferred = cases.save(new InterventionCase(pupilId, "attendance-action-routes", LocalDate.of(2026, 9, 7)));
        casework.refer(started.caseId(), "Warwickshire Attendance Service", "manager");

        JsonNode listed = as("la-officer").getForObject("/api/cases?upn=" + started.upn(), JsonNode.class);
        assertThat(listed).singleElement().satisfies(c -> {
            assertThat(c.get("id").asLong()).isEqualTo(started.caseId());
            assertThat(c.get("referredTo").asText()).isEqualTo("Warwickshire Attendance Service");
        });
        assertThat(as("la-officer").getForEntity("/api/cases/" + started.caseId() + "/events", JsonNode.class).getBody())
                .extracting(e -> e.get("type").asText()).containsExactly("CASE_OPENED", "REFERRAL_MADE");
        for (String path : new String[] {"", "/events", "/targets"}) {
            assertProblem(as("la-officer").getForEntity("/api/cases/" + notReferred.getId() + path, JsonNode.class),
                    HttpStatus.FORBIDDEN, "case " + notReferred.getId()
                            + " is not referred to the local authority, so la-officer may not read it");
        }
        // school staff read both
        assertThat(as("senco").getForObject("/api/cases?upn=" + started.upn(), JsonNode.class)).hasSize(2);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).isEqualTo(detail);
    }
}
