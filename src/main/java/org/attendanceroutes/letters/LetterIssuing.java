package org.attendanceroutes.letters;

import java.util.ArrayList;
import java.util.List;

import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues letters: renders each recipient's PDF, stores it with the figures it states, records it
 * in the case history and chooses its delivery (email, or the print queue for post).
 *
 * <p>Issuing runs in a transaction of its own ({@code REQUIRES_NEW}): a letter is stored before
 * anyone tries to send it, and stays stored, marked not sent, when the engine's transaction rolls
 * back after a failed email.
 */
@Service
public class LetterIssuing {

    private static final Logger log = LoggerFactory.getLogger(LetterIssuing.class);

    private final LetterRepository letters;
    private final LetterDocumentRepository documents;
    private final Casework cases;
    private final Schools schools;
    private final LetterDrafting drafting;
    private final LetterRenderer renderer;
    private final LetterSettings settings;

    LetterIssuing(LetterRepository letters, LetterDocumentRepository documents, Casework cases, Schools schools,
                  LetterDrafting drafting, LetterRenderer renderer, LetterSettings settings) {
        this.letters = letters;
        this.documents = documents;
        this.cases = cases;
        this.schools = schools;
        this.drafting = drafting;
        this.renderer = renderer;
        this.settings = settings;
    }

    /**
     * Issues the letter: one to each contact with parental responsibility, in priority order, and
     * the local authority's copy when asked for. Asked again with the same issue key (a retried
     * job) it returns the letters it stored the first time.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Letter> issue(LetterRequest request) {
        List<Letter> issued = letters.findByIssueKeyOrderById(request.issueKey());
        if (!issued.isEmpty()) {
            log.info("letters {} of case {} were issued before by {}: delivering those",
                    issued.stream().map(Letter::getId).toList(), request.caseId(), request.issueKey());
            return issued;
        }
        InterventionCase c = cases.find(request.caseId())
                .orElseThrow(() -> new IllegalArgumentException("case " + request.caseId() + " does not exist"));
        LetterType type = request.type();
        if (!c.isOpen()) {
            throw new IllegalStateException("case " + c.getId() + " is closed: no " + type + " letter is issued on it");
        }
        if (!type.isSentBy(c.getRouteKey())) {
            throw new IllegalArgumentException("letter type " + type + " is not a letter of route " + c.getRouteKey()
                    + " (case " + c.getId() + "): use one of " + LetterType.namesOf(LetterType.sentBy(c.getRouteKey())));
        }
        Pupil pupil = schools.pupil(c.getPupilId()).orElseThrow();
        List<Contact> parents = schools.parentsOf(pupil.getId());
        if (parents.isEmpty()) {
            throw new IllegalStateException("pupil " + pupil.getUpn() + " has no contact with parental responsibility to "
                    + "write to (case " + c.getId() + ")");
        }
        LetterDrafting.Draft draft = drafting.draft(request, c, pupil);
        List<Letter> result = new ArrayList<>();
        for (Contact parent : parents) {
            LetterContent content = draft.contentFor(parent);
            Letter letter = draft.letter(content, parent.getId());
            letter.chooseDelivery(settings.emailEnabled(), parent.getEmail(), parent.getPreferredContactMethod());
            result.add(store(letter, content, c, pupil, parent.getRelationship().toLowerCase() + " (contact " + parent.getId() + ")"));
            if (result.size() == 1 && request.recipients() == Recipients.PARENTS_AND_LOCAL_AUTHORITY) {
                LetterContent copy = draft.localAuthorityCopy(content);
                Letter toAuthority = draft.letter(copy, null);
                toAuthority.chooseDelivery(settings.emailEnabled(), settings.localAuthority().email(), ContactMethod.EMAIL);
                result.add(store(toAuthority, copy, c, pupil, "the local authority"));
            }
        }
        return result;
    }

    private Letter store(Letter letter, LetterContent content, InterventionCase c, Pupil pupil, String recipient) {
        byte[] pdf = renderer.pdf(content);
        Letter saved = letters.save(letter);
        documents.save(new LetterDocument(saved.getId(), pdf));
        LetterType type = saved.getLetterType();
        cases.record(c.getId(), CaseEventType.LETTER_ISSUED, Casework.SYSTEM,
                type.subject() + " (" + type + "): letter " + saved.getId() + " to " + recipient + " by "
                        + saved.getDelivery().name().toLowerCase(),
                details(saved));
        log.info("letter {} {} issued on case {} for pupil {} to {} by {}", saved.getId(), type, c.getId(), pupil.getUpn(),
                saved.getRecipientKey(), saved.getDelivery());
        return saved;
    }

    private static String details(Letter l) {
        StringBuilder details = new StringBuilder()
                .append("attendance ").append(l.getAttendancePercent()).append("%, absence ").append(l.getAbsencePercent())
                .append("%, ").append(l.getUnauthorisedSessions()).append(" unauthorised of ").append(l.getPossibleSessions())
                .append(" possible sessions (").append(l.getUnauthorisedLast10Weeks())
                .append(" in the last 10 school weeks), ").append(l.getPeriodStart()).append(" to ").append(l.getFiguresDate());
        if (l.getTargetPercent() != null) {
            details.append("; target ").append(l.getTargetPercent().stripTrailingZeros().toPlainString()).append("% from ")
                    .append(l.getTargetStart()).append(" to ").append(l.getTargetEnd());
        }
        if (l.getMeetingAt() != null) {
            details.append("; meeting ").append(l.getMeetingAt());
        }
        if (l.getRespondBy() != null) {
            details.append("; reply by ").append(l.getRespondBy());
        }
        return details.toString();
    }
}
