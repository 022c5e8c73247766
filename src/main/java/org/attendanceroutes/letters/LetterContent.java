package org.attendanceroutes.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything one letter says, gathered before it is rendered: plain values, so a letter can be
 * rendered (and tested) without a database.
 *
 * @param target  the case's target, or null when the letter states none
 * @param reply   what the parent is asked to do, or null when nothing
 * @param copy    set on the local authority's copy of a letter to parents
 */
public record LetterContent(LetterType type, LocalDate date, Letterhead school, Addressee addressee,
                            String salutation, PupilDetails pupil, Figures figures, LocalDate periodStart,
                            TargetDetails target, ReplyDetails reply, boolean continueMonitoring,
                            LocalAuthorityNote localAuthority, CopyDetails copy) {

    public record Letterhead(String name, List<String> addressLines, String phone, String email,
                             String headteacher, String attendanceLead) {
    }

    public record Addressee(String name, List<String> addressLines) {
    }

    public record PupilDetails(String fullName, String firstName, int yearGroup, String tutorGroup) {
    }

    /** @param schoolDays the school days from start to end, both included */
    public record TargetDetails(String description, BigDecimal requiredPercent, LocalDate start, LocalDate end,
                                int schoolDays, String reward) {
    }

    /** Either a meeting at a set time, or a date by which the parent should contact the school. */
    public record ReplyDetails(LocalDateTime meetingAt, LocalDate respondBy, int withinSchoolDays) {
    }

    /** @param copied whether a copy of this letter goes to the local authority */
    public record LocalAuthorityNote(String name, boolean copied) {
    }

    /** @param originalAddressee to whom the letter this copies was sent, with their address */
    public record CopyDetails(String originalAddressee) {
    }

    /** The local authority's copy of this letter: addressed to it, noting whom the original went to. */
    public LetterContent copyFor(Addressee localAuthorityAddressee) {
        String original = addressee.name() + ", " + String.join(", ", addressee.addressLines());
        return new LetterContent(type, date, school, localAuthorityAddressee, salutation, pupil, figures, periodStart,
                target, reply, continueMonitoring, localAuthority, new CopyDetails(original));
    }
}
