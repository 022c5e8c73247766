package org.attendanceroutes.letters;

import java.time.Clock;
import java.util.Optional;

import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of each email delivery: what is still to send, and each success or failure, each in
 * a transaction of its own ({@code REQUIRES_NEW}), so an outcome is kept whatever the engine's
 * transaction does after it.
 */
@Component
class DeliveryRecords {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecords.class);

    private final LetterRepository letters;
    private final LetterDocumentRepository documents;
    private final Casework cases;
    private final Schools schools;
    private final LetterSettings settings;
    private final Clock clock;

    DeliveryRecords(LetterRepository letters, LetterDocumentRepository documents, Casework cases, Schools schools,
                    LetterSettings settings, Clock clock) {
        this.letters = letters;
        this.documents = documents;
        this.cases = cases;
        this.schools = schools;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The email of a letter still to be sent, or empty when there is none to send. A contact's
     * current details decide: staff may have corrected an address, or asked for post, to clear a
     * failed delivery.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<OutgoingEmail> emailToSend(Long letterId) {
        Letter letter = letters.findById(letterId).orElseThrow(() -> Letters.notFound(letterId));
        if (letter.getStatus() != LetterStatus.NOT_SENT) {
            return Optional.empty();
        }
        if (letter.isToLocalAuthority()) {
            letter.chooseDelivery(settings.emailEnabled(), settings.localAuthority().email(), ContactMethod.EMAIL);
        } else {
            Contact contact = schools.contact(letter.getContactId()).orElseThrow();
            letter.chooseDelivery(settings.emailEnabled(), contact.getEmail(), contact.getPreferredContactMethod());
        }
        if (letter.getStatus() != LetterStatus.NOT_SENT) {
            log.info("letter {} of case {} now goes by post", letterId, letter.getCaseId());
            return Optional.empty();
        }
        InterventionCase c = cases.get(letter.getCaseId());
        Pupil pupil = schools.pupil(c.getPupilId()).orElseThrow();
        byte[] pdf = documents.findById(letterId).orElseThrow().getPdf();
        return Optional.of(new OutgoingEmail(letterId, c.getId(), pupil.getUpn(), letter.getEmailAddress(),
                pupil.getSchool().getEmail(), letter.getEmailSubject(), letter.getEmailText(), pdf));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSent(Long letterId) {
        letters.findById(letterId).orElseThrow(() -> Letters.notFound(letterId)).sent(clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Long letterId, String error) {
        letters.findById(letterId).orElseThrow(() -> Letters.notFound(letterId)).failed(error);
    }
}
