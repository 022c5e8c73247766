package org.attendanceroutes.letters;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters over HTTP: a case's letters, one letter's PDF, and the print queue of letters for post.
 * Who may call these is the security configuration's business (all of {@code /api/**}).
 */
@RestController
public class LettersController {

    /** The response header naming the letters a print-queue PDF holds, in order. */
    public static final String LETTER_IDS_HEADER = "X-Letter-Ids";

    private final Letters letters;
    private final PrintQueue printQueue;
    private final Clock clock;

    LettersController(Letters letters, PrintQueue printQueue, Clock clock) {
        this.letters = letters;
        this.printQueue = printQueue;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/letters")
    public List<LetterView> lettersOfCase(@PathVariable Long caseId) {
        return letters.ofCase(caseId).stream().map(LetterView::of).toList();
    }

    @GetMapping("/api/letters/{letterId}")
    public LetterView letter(@PathVariable Long letterId) {
        return LetterView.of(letters.letter(letterId));
    }

    @GetMapping("/api/letters/{letterId}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable Long letterId) {
        Letter letter = letters.letter(letterId);
        return pdfResponse("letter-" + letterId + "-" + letter.getLetterType().name().toLowerCase().replace('_', '-') + ".pdf")
                .body(letters.pdf(letterId));
    }

    @GetMapping("/api/letters/print-queue")
    public List<LetterView> printQueue() {
        return printQueue.waiting().stream().map(LetterView::of).toList();
    }

    /**
     * Every letter waiting for post, as one PDF to print (204 when none waits). The {@value #LETTER_IDS_HEADER}
     * header names the letters it holds: mark exactly those posted, not letters queued since.
     */
    @GetMapping("/api/letters/print-queue.pdf")
    public ResponseEntity<byte[]> printQueuePdf() {
        return printQueue.pdf()
                .map(batch -> pdfResponse("print-queue-" + LocalDate.now(clock) + ".pdf")
                        .header(LETTER_IDS_HEADER, batch.letterIds().stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .body(batch.pdf()))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Body of {@code POST /api/letters/posted}. */
    public record PostedLetters(List<Long> letterIds) {
    }

    /** Marks printed letters posted: all named letters, or none (404 unknown letter, 409 not waiting for post). */
    @PostMapping("/api/letters/posted")
    public List<LetterView> markPosted(@RequestBody PostedLetters posted, Principal principal) {
        String by = principal == null ? "anonymous" : principal.getName();
        return printQueue.markPosted(posted.letterIds(), by).stream().map(LetterView::of).toList();
    }

    /** Letters hold personal data: browsers and proxies keep no copy. */
    private static ResponseEntity.BodyBuilder pdfResponse(String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString());
    }

    /** A letter as the API shows it: delivery, status and the figures it stated. */
    public record LetterView(Long id, Long caseId, LetterType type, String subject, Long contactId, String recipientName,
                             boolean toLocalAuthority, String delivery, String emailAddress, LetterStatus status,
                             LocalDate issuedOn, Instant sentAt, Instant postedAt, String postedBy, int attempts,
                             String lastError, BigDecimal attendancePercent, BigDecimal absencePercent,
                             int possibleSessions, int unauthorisedSessions, int unauthorisedLast10Weeks,
                             LocalDate periodStart, LocalDate figuresDate, BigDecimal targetPercent, LocalDate targetStart,
                             LocalDate targetEnd, LocalDateTime meetingAt, LocalDate respondBy, String pdf) {

        static LetterView of(Letter l) {
            return new LetterView(l.getId(), l.getCaseId(), l.getLetterType(), l.getLetterType().subject(), l.getContactId(),
                    l.getRecipientName(), l.isToLocalAuthority(), l.getDelivery().name(), l.getEmailAddress(), l.getStatus(),
                    l.getIssuedOn(), l.getSentAt(), l.getPostedAt(), l.getPostedBy(), l.getAttempts(), l.getLastError(),
                    l.getAttendancePercent(), l.getAbsencePercent(), l.getPossibleSessions(), l.getUnauthorisedSessions(),
                    l.getUnauthorisedLast10Weeks(), l.getPeriodStart(), l.getFiguresDate(), l.getTargetPercent(),
                    l.getTargetStart(), l.getTargetEnd(), l.getMeetingAt(), l.getRespondBy(), Letters.pdfPath(l.getId()));
        }
    }
}
