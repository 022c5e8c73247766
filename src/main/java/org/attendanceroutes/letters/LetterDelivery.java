package org.attendanceroutes.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends issued letters that go by email; letters for post are already in the print queue. Each
 * outcome is recorded on the letter as it happens, so a retry sends only what is still unsent.
 */
@Component
public class LetterDelivery {

    private static final Logger log = LoggerFactory.getLogger(LetterDelivery.class);
    /** Email addresses, kept out of logs and incident messages (the letter's own record keeps the full error). */
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private final DeliveryRecords records;
    private final LetterMailer mailer;

    LetterDelivery(DeliveryRecords records, LetterMailer mailer) {
        this.records = records;
        this.mailer = mailer;
    }

    /** Emails every letter of {@code issued} not yet sent; refused with {@link LetterNotSentException} if any fails. */
    public void deliver(List<Letter> issued) {
        List<String> failures = new ArrayList<>();
        for (Letter letter : issued) {
            if (letter.getStatus() != LetterStatus.NOT_SENT) {
                continue;
            }
            Optional<OutgoingEmail> email = records.emailToSend(letter.getId());
            if (email.isEmpty()) {
                continue;
            }
            OutgoingEmail outgoing = email.get();
            try {
                mailer.send(outgoing);
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                records.recordFailure(outgoing.letterId(), error);
                String redacted = EMAIL_ADDRESS.matcher(error).replaceAll("<address>");
                log.warn("letter {} of case {} for pupil {} could not be emailed: {}", outgoing.letterId(), outgoing.caseId(),
                        outgoing.upn(), redacted);
                failures.add("letter " + outgoing.letterId() + " (case " + outgoing.caseId() + ", pupil " + outgoing.upn()
                        + "): " + redacted);
                continue;
            }
            records.recordSent(outgoing.letterId());
            log.info("letter {} of case {} for pupil {} emailed", outgoing.letterId(), outgoing.caseId(), outgoing.upn());
        }
        if (!failures.isEmpty()) {
            throw new LetterNotSentException("could not email " + String.join("; ", failures)
                    + ". The letters are stored as not sent; the job is retried.");
        }
    }
}
