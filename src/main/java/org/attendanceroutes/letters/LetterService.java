package org.attendanceroutes.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventRepository;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.casework.TargetResult;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.ContactRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues letters and keeps them: renders each recipient's PDF, stores it with the figures it states
 * and records the case event, then tracks delivery by email or post.
 *
 * <p>Issuing and every change of delivery status run in transactions of their own
 * ({@code REQUIRES_NEW}): a letter is stored before anyone tries to send it, and stays stored,
 * marked not sent, when the engine's transaction rolls back after a failed email.
 */
@Service
public class LetterService {

    private static final Logger log = LoggerFactory.getLogger(LetterService.class);
    private static final int MAX_EMAIL_TEXT = 4000;

    private final LetterRepository letters;
    private final LetterDocumentRepository documents;
    private final InterventionCaseRepository cases;
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    private final TargetRepository targets;
    private final CaseEventRepository events;
    private final CalendarService calendars;
    private final LetterRenderer renderer;
    private final LetterSettings settings;
    private final Clock clock;

    LetterService(LetterRepository letters, LetterDocumentRepository documents, InterventionCaseRepository cases,
                  PupilRepository pupils, ContactRepository contacts, TargetRepository targets, CaseEventRepository events,
                  CalendarService calendars, LetterRenderer renderer, LetterSettings settings, Clock clock) {
        this.letters = letters;
        this.documents = documents;
        this.cases = cases;
        this.pupils = pupils;
        this.contacts = contacts;
        this.targets = targets;
        this.events = events;
        this.calendars = calendars;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
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
            log.info("letters {} of case {} were issued before by {}: delivering those", ids(issued), request.caseId(),
                    request.issueKey());
            return issued;
        }
        InterventionCase c = cases.findById(request.caseId())
                .orElseThrow(() -> new IllegalArgumentException("case " + request.caseId() + " does not exist"));
        LetterType type = request.type();
        if (!c.isOpen()) {
            throw new IllegalStateException("case " + c.getId() + " is closed: no " + type + " letter is issued on it");
        }
        if (!type.isSentBy(c.getRouteKey())) {
            throw new IllegalArgumentException("letter type " + type + " is not a letter of route " + c.getRouteKey()
                    + " (case " + c.getId() + "): use one of " + LetterType.namesOf(LetterType.sentBy(c.getRouteKey())));
        }
        Pupil pupil = pupils.findById(c.getPupilId()).orElseThrow();
        List<Contact> parents = contacts.findByPupilIdOrderByPriority(pupil.getId()).stream()
                .filter(Contact::hasParentalResponsibility).toList();
        if (parents.isEmpty()) {
            throw new IllegalStateException("pupil " + pupil.getUpn() + " has no contact with parental responsibility to "
                    + "write to (case " + c.getId() + ")");
        }
        Drafting drafting = new Drafting(request, c, pupil);
        List<Letter> result = new ArrayList<>();
        for (Contact parent : parents) {
            LetterContent content = drafting.contentFor(parent);
            Letter letter = drafting.letter(content, parent.getId());
            deliverTo(letter, parent.getEmail(), parent.getPreferredContactMethod());
            result.add(store(letter, content, c, pupil, parent.getRelationship().toLowerCase() + " (contact " + parent.getId() + ")"));
            if (result.size() == 1 && request.recipients() == Recipients.PARENTS_AND_LOCAL_AUTHORITY) {
                LetterContent copy = content.copyFor(new LetterContent.Addressee(settings.localAuthority().name(),
                        settings.localAuthority().address()));
                Letter toAuthority = drafting.letter(copy, null);
                deliverTo(toAuthority, settings.localAuthority().email(), ContactMethod.EMAIL);
                result.add(store(toAuthority, copy, c, pupil, "the local authority"));
            }
        }
        return result;
    }

    /** What one issue of a letter has in common across its recipients. */
    private final class Drafting {
        private final LetterRequest request;
        private final InterventionCase c;
        private final Pupil pupil;
        private final School school;
        private final LocalDate today = LocalDate.now(clock);
        private final SchoolCalendar calendar;
        private final Target target;
        private final boolean copied;

        Drafting(LetterRequest request, InterventionCase c, Pupil pupil) {
            this.request = request;
            this.c = c;
            this.pupil = pupil;
            this.school = pupil.getSchool();
            this.calendar = calendars.calendarFor(school.getId());
            this.target = currentTarget(request.type(), c);
            this.copied = request.recipients() == Recipients.PARENTS_AND_LOCAL_AUTHORITY;
        }

        LetterContent contentFor(Contact parent) {
            Figures figures = request.figures();
            LocalDate yearStart = calendar.startOfAcademicYear(figures.figuresDate());
            LocalDate periodStart = pupil.getAdmissionDate().isAfter(yearStart) ? pupil.getAdmissionDate() : yearStart;
            return new LetterContent(request.type(), today,
                    new LetterContent.Letterhead(school.getName(), lines(school.getAddressLine1(), school.getAddressLine2(),
                            school.getTown(), school.getPostcode()), school.getPhone(), school.getEmail(),
                            school.getHeadteacher(), school.getAttendanceLead()),
                    new LetterContent.Addressee(parent.getFullName(), lines(parent.getAddressLine1(), parent.getAddressLine2(),
                            parent.getTown(), parent.getPostcode())),
                    "Dear " + (parent.getTitle() == null || parent.getTitle().isBlank()
                            ? parent.getFirstName() + " " + parent.getLastName() : parent.getTitle() + " " + parent.getLastName()),
                    new LetterContent.PupilDetails(pupil.getFullName(), pupil.getFirstName(), pupil.getYearGroup(),
                            pupil.getTutorGroup()),
                    figures, periodStart, targetDetails(), reply(), request.continueMonitoring(),
                    new LetterContent.LocalAuthorityNote(settings.localAuthority().name(), copied), null);
        }

        Letter letter(LetterContent content, Long contactId) {
            String emailText = renderer.emailText(content).strip();
            if (emailText.length() > MAX_EMAIL_TEXT) {
                throw new IllegalStateException("the covering email (letters/" + LetterRenderer.EMAIL_TEMPLATE + ") has "
                        + emailText.length() + " characters; at most " + MAX_EMAIL_TEXT + " are kept");
            }
            return new Letter(c.getId(), request.issueKey(), contactId, request.processInstanceId(), content,
                    target == null ? null : target.getId(), emailText, clock.instant());
        }

        private LetterContent.TargetDetails targetDetails() {
            if (target == null) {
                return null;
            }
            return new LetterContent.TargetDetails(target.getDescription(), target.getRequiredPercent(),
                    target.getStartDate(), target.getEndDate(),
                    calendar.schoolDaysBetween(target.getStartDate(), target.getEndDate()), target.getReward());
        }

        /** A meeting already past (a variable left from an earlier stage) is not offered: the parent is asked to arrange one. */
        private LetterContent.ReplyDetails reply() {
            LetterType.Reply reply = request.type().reply();
            if (reply == LetterType.Reply.NONE) {
                return null;
            }
            int within = request.respondWithinSchoolDays() == null
                    ? settings.respondWithinSchoolDays() : request.respondWithinSchoolDays();
            if (within < 1) {
                throw new IllegalArgumentException("respondWithinSchoolDays must be 1 or more, not " + within);
            }
            LocalDateTime meetingAt = request.meetingAt();
            if (reply == LetterType.Reply.MEETING && meetingAt != null && meetingAt.isAfter(LocalDateTime.now(clock))) {
                return new LetterContent.ReplyDetails(meetingAt, null, within);
            }
            return new LetterContent.ReplyDetails(null, calendar.addSchoolDays(today, within), within);
        }
    }

    /** The case's pending target, the latest to start; refused when the letter type needs one and there is none. */
    private Target currentTarget(LetterType type, InterventionCase c) {
        if (type.targetUse() == LetterType.TargetUse.NONE) {
            return null;
        }
        Optional<Target> pending = targets.findByCaseIdOrderByStartDate(c.getId()).stream()
                .filter(t -> t.getResult() == TargetResult.PENDING)
                .max(Comparator.comparing(Target::getStartDate).thenComparing(Target::getId));
        if (pending.isEmpty() && type.targetUse() == LetterType.TargetUse.REQUIRED) {
            throw new IllegalStateException("letter " + type + " states the case's target, and case " + c.getId()
                    + " has no pending target: set the target before issuing the letter");
        }
        return pending.orElse(null);
    }

    /** By email when email is on and there is an address for a recipient who wants it (or a letter that prefers it), else by post. */
    private void deliverTo(Letter letter, String email, ContactMethod preferred) {
        boolean byEmail = settings.emailEnabled() && email != null && !email.isBlank()
                && (preferred == ContactMethod.EMAIL || letter.getLetterType().prefersEmail());
        if (byEmail) {
            letter.sendByEmail(email);
        } else {
            letter.sendByPost();
        }
    }

    private Letter store(Letter letter, LetterContent content, InterventionCase c, Pupil pupil, String recipient) {
        byte[] pdf = renderer.pdf(content);
        Letter saved = letters.save(letter);
        documents.save(new LetterDocument(saved.getId(), pdf));
        LetterType type = saved.getLetterType();
        events.save(new CaseEvent(c.getId(), clock.instant(), CaseEventType.LETTER_ISSUED, c.getCurrentStage(), "system",
                type.subject() + " (" + type + "): letter " + saved.getId() + " to " + recipient + " by "
                        + saved.getDelivery().name().toLowerCase(),
                details(saved)));
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

    /**
     * The email of a letter still to be sent, or empty when there is none to send. A contact's
     * current details decide: staff may have corrected an address, or asked for post, to clear a
     * failed delivery.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<OutgoingEmail> emailToSend(Long letterId) {
        Letter letter = letters.findById(letterId).orElseThrow(() -> notFound(letterId));
        if (letter.getStatus() != LetterStatus.NOT_SENT) {
            return Optional.empty();
        }
        if (letter.isToLocalAuthority()) {
            deliverTo(letter, settings.localAuthority().email(), ContactMethod.EMAIL);
        } else {
            Contact contact = contacts.findById(letter.getContactId()).orElseThrow();
            deliverTo(letter, contact.getEmail(), contact.getPreferredContactMethod());
        }
        if (letter.getStatus() != LetterStatus.NOT_SENT) {
            log.info("letter {} of case {} now goes by post", letterId, letter.getCaseId());
            return Optional.empty();
        }
        InterventionCase c = cases.findById(letter.getCaseId()).orElseThrow();
        Pupil pupil = pupils.findById(c.getPupilId()).orElseThrow();
        byte[] pdf = documents.findById(letterId).orElseThrow().getPdf();
        return Optional.of(new OutgoingEmail(letterId, c.getId(), pupil.getUpn(), letter.getEmailAddress(),
                pupil.getSchool().getEmail(), letter.getEmailSubject(), letter.getEmailText(), pdf));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSent(Long letterId) {
        letters.findById(letterId).orElseThrow(() -> notFound(letterId)).sent(clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Long letterId, String error) {
        letters.findById(letterId).orElseThrow(() -> notFound(letterId)).failed(error);
    }

    @Transactional(readOnly = true)
    public Letter letter(Long letterId) {
        return letters.findById(letterId).orElseThrow(() -> notFound(letterId));
    }

    @Transactional(readOnly = true)
    public byte[] pdf(Long letterId) {
        return documents.findById(letterId).orElseThrow(() -> notFound(letterId)).getPdf();
    }

    @Transactional(readOnly = true)
    public List<Letter> lettersOfCase(Long caseId) {
        if (!cases.existsById(caseId)) {
            throw new NoSuchElementException("case " + caseId + " does not exist");
        }
        return letters.findByCaseIdOrderById(caseId);
    }

    /** The letters waiting to be printed and posted, oldest first. */
    @Transactional(readOnly = true)
    public List<Letter> printQueue() {
        return letters.findByStatusOrderById(LetterStatus.AWAITING_POST);
    }

    /** The print queue as one PDF, each letter starting on a fresh sheet; empty when nothing waits. */
    @Transactional(readOnly = true)
    public Optional<PrintBatch> printQueuePdf() {
        List<Letter> waiting = printQueue();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = ids(waiting);
        return Optional.of(new PrintBatch(ids, Pdfs.forDuplexPrinting(ids.stream().map(this::pdf).toList())));
    }

    /** Letters of the print queue, as one PDF, and which letters it holds. */
    public record PrintBatch(List<Long> letterIds, byte[] pdf) {
    }

    /** Marks letters of the print queue posted: all of them, or none when one is unknown or not waiting. */
    @Transactional
    public List<Letter> markPosted(Collection<Long> letterIds, String by) {
        if (letterIds == null || letterIds.isEmpty()) {
            throw new IllegalArgumentException("name the letters that were posted: letterIds is empty");
        }
        Set<Long> wanted = new LinkedHashSet<>(letterIds);
        List<Letter> found = letters.findAllById(wanted);
        if (found.size() < wanted.size()) {
            Set<Long> missing = new LinkedHashSet<>(wanted);
            found.forEach(l -> missing.remove(l.getId()));
            throw new NoSuchElementException("no letter " + missing);
        }
        found.forEach(letter -> letter.posted(clock.instant(), by));
        log.info("letters {} marked posted by {}", wanted, by);
        return found.stream().sorted(Comparator.comparing(Letter::getId)).toList();
    }

    private static NoSuchElementException notFound(Long letterId) {
        return new NoSuchElementException("letter " + letterId + " does not exist");
    }

    private static List<Long> ids(List<Letter> letters) {
        return letters.stream().map(Letter::getId).toList();
    }

    private static List<String> lines(String... lines) {
        return Stream.of(lines).filter(line -> line != null && !line.isBlank()).toList();
    }
}
