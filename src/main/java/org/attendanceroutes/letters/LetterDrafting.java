package org.attendanceroutes.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.Targets;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.springframework.stereotype.Component;

/** Drafts what a letter says to each recipient: letterhead, address, figures, target and reply. */
@Component
class LetterDrafting {

    private static final int MAX_EMAIL_TEXT = 4000;

    private final CalendarService calendars;
    private final Targets targets;
    private final LetterRenderer renderer;
    private final LetterSettings settings;
    private final Clock clock;

    LetterDrafting(CalendarService calendars, Targets targets, LetterRenderer renderer, LetterSettings settings,
                   Clock clock) {
        this.calendars = calendars;
        this.targets = targets;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
    }

    /** The draft of one issue of a letter, for all its recipients. */
    Draft draft(LetterRequest request, InterventionCase c, Pupil pupil) {
        return new Draft(request, c, pupil);
    }

    /** What one issue of a letter has in common across its recipients. */
    final class Draft {
        private final LetterRequest request;
        private final InterventionCase c;
        private final Pupil pupil;
        private final School school;
        private final LocalDate today = LocalDate.now(clock);
        private final SchoolCalendar calendar;
        private final Target target;
        private final boolean copied;

        private Draft(LetterRequest request, InterventionCase c, Pupil pupil) {
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

        /** The local authority's copy of a parent's letter, addressed as the settings say. */
        LetterContent localAuthorityCopy(LetterContent parentsLetter) {
            return parentsLetter.copyFor(new LetterContent.Addressee(settings.localAuthority().name(),
                    settings.localAuthority().address()));
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

    /** The case's target as the letter type uses it; refused when the type needs one and there is none. */
    private Target currentTarget(LetterType type, InterventionCase c) {
        if (type.targetUse() == LetterType.TargetUse.NONE) {
            return null;
        }
        Target pending = targets.current(c.getId()).orElse(null);
        if (pending == null && type.targetUse() == LetterType.TargetUse.REQUIRED) {
            throw new IllegalStateException("letter " + type + " states the case's target, and case " + c.getId()
                    + " has no pending target: set the target before issuing the letter");
        }
        return pending;
    }

    private static List<String> lines(String... lines) {
        return Stream.of(lines).filter(line -> line != null && !line.isBlank()).toList();
    }
}
