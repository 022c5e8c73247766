package org.attendanceroutes.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every letter type renders to a PDF that says what the route document asks, with the case's figures and dates. */
class LetterRendererTest {

    static final LetterRenderer RENDERER = new LetterRenderer(null);

    /** Wording each route document asks for, per letter type (compared with whitespace collapsed). */
    static final Map<LetterType, List<String>> WORDING = new EnumMap<>(Map.ofEntries(
            Map.entry(LetterType.IMPROVEMENT_STAGE_1, List.of("stage 1", "below 90%", "support",
                    "no further absences will be authorised without medical evidence", "monitor Łucja's attendance for another half term")),
            Map.entry(LetterType.IMPROVEMENT_STAGE_2, List.of("stage 2", "formal 6-week attendance target", "at least 96%",
                    "no further absences will be authorised without medical evidence")),
            Map.entry(LetterType.IMPROVEMENT_STAGE_3, List.of("stage 3", "meeting with our attendance lead, Ms J. Whitfield",
                    "action plan", "second 6-week attendance target", "96% attendance or more over the next 6 weeks")),
            Map.entry(LetterType.IMPROVEMENT_ACTION_PLAN, List.of("action plan", "second 6-week attendance target",
                    "may result in legal action, including a penalty notice")),
            Map.entry(LetterType.IMPROVEMENT_ACKNOWLEDGEMENT, List.of("acknowledge", "improved")),
            Map.entry(LetterType.IMPROVEMENT_REFERRAL, List.of("stage 4", "referred Łucja to Warwickshire Attendance Service",
                    "may result in legal action being taken, including a penalty notice being issued")),
            Map.entry(LetterType.ACTION_LETTER_1, List.of("We expect every pupil to attend every day", "home")),
            Map.entry(LetterType.ACTION_LETTER_2, List.of("key worker", "at school or on a home visit",
                    "look at the register together", "measurable attendance targets", "rewards")),
            Map.entry(LetterType.ACTION_LETTER_3, List.of("attendance action plan", "verbal legal warning", "section 444")),
            Map.entry(LetterType.ACTION_LEGAL_WARNING_MEETING, List.of("Legal warning", "section 444", "every fortnight")),
            Map.entry(LetterType.ACTION_PROSECUTION_NOTICE, List.of("the facts will be presented to the Education Welfare "
                    + "Officer and Warwickshire Attendance Service", "considered for prosecution", "witness statements")),
            Map.entry(LetterType.GRADUATED_EXCELLENT, List.of("excellent", "97% to 100%")),
            Map.entry(LetterType.GRADUATED_TERMLY_REPORT, List.of("attendance report for this term", "97% to 100%")),
            Map.entry(LetterType.GRADUATED_LETTER_1, List.of("information sheet", "Attendance: information for parents and carers",
                    "telephone")),
            Map.entry(LetterType.GRADUATED_LETTER_2, List.of("further concerned", "meeting with our attendance team, face to face")),
            Map.entry(LetterType.NOTICE_TO_IMPROVE, List.of("Notice to improve", "What sufficient improvement means",
                    "penalty notice", "prosecution")),
            Map.entry(LetterType.NOTICE_TO_IMPROVE_20_DAYS, List.of("Notice to improve: 20 school days",
                    "20 school days to improve", "action plan")),
            Map.entry(LetterType.FRAMEWORK_LETTER_1, List.of("below 95%", "head of year")),
            Map.entry(LetterType.FRAMEWORK_CONTACT_DETAILS, List.of("Please confirm your contact details", "contact the school as soon as possible")),
            Map.entry(LetterType.FRAMEWORK_LETTER_2, List.of("require you to attend a meeting", "attendance manager")),
            Map.entry(LetterType.FRAMEWORK_LETTER_3, List.of("referral to the relevant bodies", "imminent")),
            Map.entry(LetterType.SUPPORT_DAY_3_LETTER, List.of("have not received a reason", "absent")),
            Map.entry(LetterType.SUPPORT_MEETING_INVITATION, List.of("formal action plan", "individual attendance targets",
                    "review"))));

    static final LocalDate LETTER_DATE = LocalDate.of(2026, 11, 20);

    static LetterContent content(LetterType type, LetterContent.ReplyDetails reply, boolean copied) {
        return new LetterContent(type, LETTER_DATE,
                new LetterContent.Letterhead("Avonford School", List.of("1 School Lane", "Leamington Spa", "CV32 4RP"),
                        "01632 960004", "attendance@avonford.school.invalid", "Dr R. Okoro", "Ms J. Whitfield"),
                new LetterContent.Addressee("Mrs Zofia Kowalczyk", List.of("12 Elm Road", "Leamington Spa", "CV32 5AB")),
                "Dear Mrs Kowalczyk",
                new LetterContent.PupilDetails("Łucja Kowalczyk", "Łucja", 8, "8WH"),
                new Figures(87.4, 12.6, 104, 9, 7, LETTER_DATE),
                LocalDate.of(2026, 9, 3),
                type.targetUse() == LetterType.TargetUse.NONE ? null
                        : new LetterContent.TargetDetails("Attend every day for the next 6 weeks", new BigDecimal("96.00"),
                        LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 15), 20, "a reward trip"),
                type.reply() == LetterType.Reply.NONE ? null : reply,
                true, new LetterContent.LocalAuthorityNote("Warwickshire Attendance Service", copied), null);
    }

    static String text(byte[] pdf) {
        return LetterFixtures.text(pdf);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LetterType.class)
    void everyTypeRendersAPdfWithThePupilTheParentTheFiguresAndTheDates(LetterType type) throws IOException {
        LetterContent.ReplyDetails reply = new LetterContent.ReplyDetails(null, LocalDate.of(2026, 11, 27), 5);
        byte[] pdf = RENDERER.pdf(content(type, reply, false));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Łucja Kowalczyk", "Mrs Zofia Kowalczyk", "Dear Mrs Kowalczyk", "12 Elm Road", "CV32 5AB",
                "Avonford School", "20 November 2026",
                "Attendance from 3 September 2026 to 20 November 2026 87.4%", "12.6%",
                "could have attended 104", "Sessions of unauthorised absence 9", "in the last 10 school weeks 7");
        assertThat(text).as("the wording of " + type).contains(WORDING.get(type));
        if (type.targetUse() != LetterType.TargetUse.NONE) {
            assertThat(text).contains("Attend every day for the next 6 weeks", "at least 96% of sessions from 23 November 2026 to 15 January 2027");
        }
        if (type.reply() != LetterType.Reply.NONE) {
            assertThat(text).contains("by 27 November 2026 (within 5 school days");
        }
        assertThat(text).doesNotContain("[[", "${", "null");
    }

    @Test
    void everyTypeHasWordingToCheck() {
        assertThat(WORDING).containsOnlyKeys(LetterType.values());
    }

    @ParameterizedTest
    @EnumSource(value = LetterType.Reply.class, names = "MEETING")
    void aMeetingWithATimeIsStatedWithItsDayAndTime(LetterType.Reply meeting) throws IOException {
        LetterContent.ReplyDetails at = new LetterContent.ReplyDetails(LocalDateTime.of(2026, 11, 26, 15, 30), null, 5);
        for (LetterType type : LetterType.values()) {
            if (type.reply() == meeting) {
                assertThat(text(RENDERER.pdf(content(type, at, false)))).as(type.name())
                        .contains("on Thursday 26 November 2026 at 3:30 pm")
                        .doesNotContain("to arrange a time");
            }
        }
    }

    @Test
    void theLocalAuthoritysCopyIsAddressedToItAndNamesTheOriginalRecipient() throws IOException {
        LetterContent toParent = content(LetterType.NOTICE_TO_IMPROVE,
                new LetterContent.ReplyDetails(null, LocalDate.of(2026, 11, 27), 5), true);
        LetterContent copy = toParent.copyFor(new LetterContent.Addressee("Warwickshire Attendance Service",
                List.of("Shire Hall", "Warwick", "CV34 4RL")));

        assertThat(text(RENDERER.pdf(toParent))).contains("A copy of this notice has been sent to Warwickshire Attendance Service")
                .doesNotContain("Copy for");
        assertThat(text(RENDERER.pdf(copy))).contains("Copy for Warwickshire Attendance Service. The original of this letter was "
                        + "sent to Mrs Zofia Kowalczyk, 12 Elm Road, Leamington Spa, CV32 5AB", "Shire Hall", "Dear Mrs Kowalczyk");
    }

    @Test
    void theAcknowledgementContinuesStageOneOnlyWhenTheRouteSaysSo() throws IOException {
        LetterContent monitored = content(LetterType.IMPROVEMENT_ACKNOWLEDGEMENT, null, false);
        LetterContent done = new LetterContent(monitored.type(), monitored.date(), monitored.school(), monitored.addressee(),
                monitored.salutation(), monitored.pupil(), monitored.figures(), monitored.periodStart(), null, null,
                false, monitored.localAuthority(), null);

        assertThat(text(RENDERER.pdf(monitored))).contains("still below 90%", "stage 1 for another half term",
                "no further absences will be authorised without medical evidence");
        assertThat(text(RENDERER.pdf(done))).doesNotContain("still below 90%", "medical evidence");
    }

    @Test
    void theEmailTextCoversTheLetterWithoutRepeatingItsContent() {
        String text = RENDERER.emailText(content(LetterType.IMPROVEMENT_STAGE_1, null, false));
        assertThat(text).startsWith("Dear Mrs Kowalczyk,").contains("Avonford School", "Łucja's attendance",
                "Attendance improvement process: stage 1", "on 01632 960004").doesNotContain("87.4%");
    }

    @Test
    void aTemplateInTheOverrideDirectoryReplacesTheBuiltInOne(@TempDir Path overrides) throws IOException {
        Files.writeString(overrides.resolve("graduated-excellent.html"), """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <head th:replace="~{layout :: head}"></head>
                <body><p>Well done, [[${pupil.firstName}]]&nbsp;&mdash; [[${figures.attendancePercent}]]<br>!</p></body>
                </html>
                """);
        LetterRenderer edited = new LetterRenderer(overrides);

        assertThat(text(edited.pdf(content(LetterType.GRADUATED_EXCELLENT, null, false)))).contains("Well done, Łucja — 87.4%");
        LetterContent.ReplyDetails reply = new LetterContent.ReplyDetails(null, LocalDate.of(2026, 11, 27), 5);
        assertThat(text(edited.pdf(content(LetterType.GRADUATED_LETTER_2, reply, false)))).as("the others stay built in")
                .contains("further concerned");
    }

    @Test
    void aMissingOverrideDirectoryIsRefused() {
        assertThatThrownBy(() -> new LetterRenderer(Path.of("/no/such/letters")))
                .hasMessageContaining("/no/such/letters does not exist");
    }
}
