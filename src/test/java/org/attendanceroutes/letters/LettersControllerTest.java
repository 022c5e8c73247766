package org.attendanceroutes.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.attendanceroutes.letters.LetterFixtures.fatherByPost;
import static org.attendanceroutes.letters.LetterFixtures.mother;
import static org.attendanceroutes.letters.LetterFixtures.pages;
import static org.attendanceroutes.letters.LetterFixtures.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.school.Pupil;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The letters API: a case's letters, a letter's PDF, and the print queue staff download and mark posted. */
@ApplicationTest
class LettersControllerTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    LetterFixtures fixtures;
    @Autowired
    LetterIssuing issuing;
    @Autowired
    PrintQueue printQueue;
    @Autowired
    Letters letters;
    @Autowired
    LetterDelivery delivery;

    /** An attendance officer: the security configuration lets staff use the letters API. */
    TestRestTemplate http;

    @BeforeEach
    void signInAndSetToday() {
        http = anonymous.withBasicAuth("officer", "demo");
        LetterFixtures.setToday();
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    /** Issues a letter outside any route, as the service task would, and delivers it. */
    private List<Letter> issue(InterventionCase c, LetterType type) {
        Figures figures = new Figures(87.4, 12.6, 104, 9, 7, LetterFixtures.TODAY);
        List<Letter> issued = issuing.issue(new LetterRequest(c.getId(), type, Recipients.PARENTS, figures, null, null, false,
                "test-" + UUID.randomUUID(), null));
        delivery.deliver(issued);
        return issued;
    }

    @Test
    void aCasesLettersAreListedWithTheirFiguresAndEachDownloadsAsItsPdf() {
        Pupil pupil = fixtures.pupil("920000000021", "Łucja", mother("zofia.920000000021@example.invalid"), fatherByPost());
        InterventionCase c = fixtures.openCase(pupil, LetterType.Route.SUPPORT);
        List<Letter> issued = issue(c, LetterType.SUPPORT_DAY_3_LETTER);

        JsonNode list = http.getForObject("/api/cases/" + c.getId() + "/letters", JsonNode.class);
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("id").asLong()).isEqualTo(issued.get(0).getId());
        assertThat(first.get("type").asText()).isEqualTo("SUPPORT_DAY_3_LETTER");
        assertThat(first.get("recipientName").asText()).isEqualTo("Mrs Zofia Kowalczyk");
        assertThat(first.get("status").asText()).isEqualTo("SENT");
        assertThat(first.get("attendancePercent").decimalValue()).isEqualByComparingTo("87.4");
        assertThat(first.get("unauthorisedSessions").asInt()).isEqualTo(9);
        assertThat(first.get("periodStart").asText()).isEqualTo("2026-09-03");
        assertThat(first.get("respondBy").asText()).isEqualTo("2026-11-27");
        assertThat(list.get(1).get("status").asText()).isEqualTo("AWAITING_POST");

        ResponseEntity<byte[]> pdf = http.getForEntity(first.get("pdf").asText(), byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(pdf.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("letter-" + issued.get(0).getId() + "-support-day-3-letter.pdf");
        assertThat(text(pdf.getBody())).contains("Łucja Kowalczyk", "Mrs Zofia Kowalczyk", "87.4%", "27 November 2026");
    }

    @Test
    void unknownCasesAndLettersAnswer404WithWhatWasNotFound() {
        ResponseEntity<JsonNode> noCase = http.getForEntity("/api/cases/987654321/letters", JsonNode.class);
        assertThat(noCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noCase.getBody().get("detail").asText()).isEqualTo("case 987654321 does not exist");

        ResponseEntity<JsonNode> noLetter = http.getForEntity("/api/letters/987654321/pdf", JsonNode.class);
        assertThat(noLetter.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noLetter.getBody().get("detail").asText()).isEqualTo("letter 987654321 does not exist");
    }

    @Test
    void thePrintQueueIsOnePdfToPrintThenMarkedPostedLetterByLetter() {
        Pupil first = fixtures.pupil("920000000022", "Łucja", fatherByPost());
        Pupil second = fixtures.pupil("920000000023", "Kacper", fatherByPost());
        Long one = issue(fixtures.openCase(first, LetterType.Route.ACTION), LetterType.ACTION_LETTER_1).get(0).getId();
        Long two = issue(fixtures.openCase(second, LetterType.Route.GRADUATED), LetterType.GRADUATED_LETTER_1).get(0).getId();

        JsonNode queue = http.getForObject("/api/letters/print-queue", JsonNode.class);
        assertThat(ids(queue)).contains(one, two);

        ResponseEntity<byte[]> batch = http.getForEntity("/api/letters/print-queue.pdf", byte[].class);
        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(batch.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        List<Long> inBatch = Arrays.stream(batch.getHeaders().getFirst(LettersController.LETTER_IDS_HEADER).split(","))
                .map(Long::valueOf).toList();
        assertThat(inBatch).contains(one, two).isSorted();
        assertThat(pages(batch.getBody())).as("every letter on fresh sheets: an even page count").isEven()
                .isGreaterThanOrEqualTo(2 * inBatch.size());
        assertThat(text(batch.getBody())).contains("Łucja Kowalczyk", "Kacper Kowalczyk", "Mr Tomasz Kowalczyk",
                "Attendance: information for parents and carers");

        ResponseEntity<JsonNode> posted = http.postForEntity("/api/letters/posted", Map.of("letterIds", List.of(one, two)),
                JsonNode.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(posted.getBody()).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.get("status").asText()).isEqualTo("POSTED");
            assertThat(letter.get("postedAt").isNull()).isFalse();
            assertThat(letter.get("postedBy").asText()).isNotBlank();
        });
        assertThat(ids(http.getForObject("/api/letters/print-queue", JsonNode.class))).doesNotContain(one, two);
    }

    @Test
    void markingPostedIsAllOrNothingWithAClearAnswer() {
        Pupil pupil = fixtures.pupil("920000000024", "Łucja", fatherByPost());
        Long waiting = issue(fixtures.openCase(pupil, LetterType.Route.FRAMEWORK), LetterType.FRAMEWORK_LETTER_1).get(0).getId();
        Long postedAlready = issue(fixtures.openCase(pupil, LetterType.Route.SUPPORT), LetterType.SUPPORT_DAY_3_LETTER).get(0).getId();
        printQueue.markPosted(List.of(postedAlready), "officer");

        ResponseEntity<JsonNode> twice = http.postForEntity("/api/letters/posted",
                Map.of("letterIds", List.of(waiting, postedAlready)), JsonNode.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("detail").asText())
                .isEqualTo("letter " + postedAlready + " is POSTED, not waiting in the print queue");
        assertThat(letters.letter(waiting).getStatus()).as("nothing half done").isEqualTo(LetterStatus.AWAITING_POST);

        ResponseEntity<JsonNode> unknown = http.postForEntity("/api/letters/posted",
                Map.of("letterIds", List.of(waiting, 987654321L)), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).isEqualTo("no letter [987654321]");

        ResponseEntity<JsonNode> none = http.postForEntity("/api/letters/posted", Map.of("letterIds", List.of()), JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().get("detail").asText()).contains("letterIds is empty");
        assertThat(letters.letter(waiting).getStatus()).isEqualTo(LetterStatus.AWAITING_POST);
    }

    private static List<Long> ids(JsonNode letters) {
        return StreamSupport.stream(letters.spliterator(), false).map(l -> l.get("id").asLong()).toList();
    }

    @Test
    void aLetterIsDatedByTheEnginesClock() {
        Pupil pupil = fixtures.pupil("920000000025", "Łucja", fatherByPost());
        InterventionCase c = fixtures.openCase(pupil, LetterType.Route.GRADUATED);
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant()));

        Letter letter = issue(c, LetterType.GRADUATED_EXCELLENT).get(0);

        assertThat(letter.getIssuedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(http.getForObject("/api/letters/" + letter.getId(), JsonNode.class).get("issuedOn").asText())
                .isEqualTo("2026-12-01");
        assertThat(text(letters.pdf(letter.getId()))).contains("1 December 2026");
        assertThat(http.getForEntity("/api/letters/print-queue.pdf", byte[].class).getHeaders()
                .getContentDisposition().getFilename()).isEqualTo("print-queue-2026-12-01.pdf");
    }
}
