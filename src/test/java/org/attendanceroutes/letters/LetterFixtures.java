package org.attendanceroutes.letters;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.attendanceroutes.calendar.CalendarFile;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.casework.CaseStatus;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.ContactRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.SchoolRepository;
import org.attendanceroutes.school.Upn;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters tests' school (URN 920001), pupils (UPN digits 920...) and cases. Safe to run again on
 * a database that already holds them: what exists is found and reset, cases are opened afresh.
 * A test-only bean, found by component scanning like {@link TestMailServer}.
 */
@Component
@Profile("test")
public class LetterFixtures {

    /** A Friday in the autumn term of the demo calendar. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    public static final LocalDate YEAR_START = LocalDate.of(2026, 9, 3);
    public static final String URN = "920001";

    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    private final InterventionCaseRepository cases;
    private final CalendarService calendars;
    private final TransactionTemplate transaction;

    LetterFixtures(SchoolRepository schools, PupilRepository pupils, ContactRepository contacts,
                   InterventionCaseRepository cases, CalendarService calendars, TransactionTemplate transaction) {
        this.schools = schools;
        this.pupils = pupils;
        this.contacts = contacts;
        this.cases = cases;
        this.calendars = calendars;
        this.transaction = transaction;
    }

    /** Today, for the engine and so for letters: {@link #TODAY} at 10:00 in London. */
    public static void setToday() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(10, 0).atZone(ZoneId.of("Europe/London")).toInstant()));
    }

    /** A parent or carer as a test wants them. */
    public record Parent(String title, String first, String last, String relationship, boolean responsibility,
                         String email, ContactMethod preferred) {
    }

    public static Parent mother(String email) {
        return new Parent("Mrs", "Zofia", "Kowalczyk", "Mother", true, email, ContactMethod.EMAIL);
    }

    public static Parent fatherByPost() {
        return new Parent("Mr", "Tomasz", "Kowalczyk", "Father", true, null, ContactMethod.POST);
    }

    public static Parent grandmotherWithoutResponsibility() {
        return new Parent(null, "Irena", "Nowak", "Grandmother", false, "irena.nowak@example.invalid", ContactMethod.EMAIL);
    }

    /** The pupil of these UPN digits (920...), with exactly these contacts in priority order. */
    public Pupil pupil(String upnDigits, String firstName, Parent... parents) {
        return transaction.execute(status -> {
            School school = school();
            Pupil pupil = pupils.findByUpn(Upn.of(upnDigits)).orElseGet(() -> pupils.save(new Pupil(school, Upn.of(upnDigits),
                    firstName, "Kowalczyk", LocalDate.of(2013, 3, 14), 8, "8WH", LocalDate.of(2025, 9, 1))));
            List<Contact> existing = contacts.findByPupilIdOrderByPriority(pupil.getId());
            for (int i = 0; i < parents.length; i++) {
                Parent p = parents[i];
                Contact contact = i < existing.size() ? existing.get(i) : contacts.save(newContact(pupil, p, i + 1));
                if (!Objects.equals(contact.getFirstName(), p.first())) {
                    throw new IllegalStateException("pupil " + upnDigits + " is used by two tests with different contacts");
                }
                contact.setReachableBy(p.email(), "07700 900123", p.preferred());
            }
            return pupil;
        });
    }

    private static Contact newContact(Pupil pupil, Parent p, int priority) {
        Contact contact = new Contact(pupil, p.title(), p.first(), p.last(), p.relationship(), p.responsibility(), priority);
        contact.setAddress("12 Elm Road", null, "Leamington Spa", "CV32 5AB");
        contact.setReachableBy(p.email(), "07700 900123", p.preferred());
        return contact;
    }

    /** A new open case of the pupil on the route; one left open by an earlier run is closed first. */
    public InterventionCase openCase(Pupil pupil, String routeKey) {
        return transaction.execute(status -> {
            cases.findByPupilIdAndRouteKeyAndStatus(pupil.getId(), routeKey, CaseStatus.OPEN).ifPresent(open -> {
                open.close(TODAY, "closed for a new test run");
                cases.saveAndFlush(open);
            });
            InterventionCase c = new InterventionCase(pupil.getId(), routeKey, TODAY);
            c.moveToStage("Stage under test");
            return cases.save(c);
        });
    }

    private School school() {
        return schools.findByUrn(URN).orElseGet(() -> {
            School school = new School(URN, "Avonford Test School", LetterType.Route.IMPROVEMENT);
            school.setAddress("1 School Lane", null, "Leamington Spa", "CV32 4RP");
            school.setLetterhead("01632 960004", "attendance@avonford.school.invalid", "Dr R. Okoro", "Ms J. Whitfield");
            School saved = schools.save(school);
            calendars.replaceYears(saved.getId(), demoCalendar());
            return saved;
        });
    }

    private static CalendarFile demoCalendar() {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(LetterFixtures.class.getResourceAsStream("/demo/calendar.csv")), StandardCharsets.UTF_8)) {
            return CalendarFile.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process variables the calculator would have written today. */
    public static Map<String, Object> figures() {
        Map<String, Object> figures = new HashMap<>();
        figures.put("attendancePercent", 87.4);
        figures.put("absencePercent", 12.6);
        figures.put("possibleSessions", 104);
        figures.put("unauthorisedSessions", 9);
        figures.put("unauthorisedLast10Weeks", 7);
        figures.put("figuresDate", TODAY.toString());
        return figures;
    }

    /** A PDF's text, read back with PDFBox, in reading order with whitespace collapsed. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("(?U)\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
