package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.attendanceroutes.letters.LetterFixtures.TODAY;
import static org.attendanceroutes.letters.LetterFixtures.figures;
import static org.attendanceroutes.letters.LetterFixtures.fatherByPost;
import static org.attendanceroutes.letters.LetterFixtures.grandmotherWithoutResponsibility;
import static org.attendanceroutes.letters.LetterFixtures.mother;
import static org.attendanceroutes.letters.LetterFixtures.text;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventRepository;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.letters.Letter;
import org.attendanceroutes.letters.LetterFixtures;
import org.attendanceroutes.letters.LetterRepository;
import org.attendanceroutes.letters.Letters;
import org.attendanceroutes.letters.LetterStatus;
import org.attendanceroutes.letters.LetterType;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.ContactRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Upn;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The letter service task in a route: {@code ${issueLetter}} issues, stores, records and delivers
 * the letter; a failing SMTP server is retried by the engine and ends as an incident, the letter
 * stored as not sent; the next task's form links to the letter.
 */
@ApplicationTest
class IssueLetterTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    LetterFixtures fixtures;
    @Autowired
    LetterRepository letters;
    @Autowired
    Letters letterService;
    @Autowired
    CaseEventRepository events;
    @Autowired
    TargetRepository targets;
    @Autowired
    ContactRepository contacts;
    @Autowired
    GreenMail smtp;
    @Autowired
    JavaMailSenderImpl mailSender;

    @BeforeEach
    void deployTheTestRouteAndSetToday() {
        repository.createDeployment().name("letters-test").enableDuplicateFiltering(false)
                .addClasspathResource("letters/letters-test.bpmn")
                .addClasspathResource("letters/read-the-letter.form")
                .deploy();
        LetterFixtures.setToday();
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    /** A case on the route of a pupil whose mother prefers email. */
    private InterventionCase caseWithMother(String upnDigits, String routeKey) {
        return fixtures.openCase(fixtures.pupil(upnDigits, "Łucja", mother(motherEmail(upnDigits))), routeKey);
    }

    private static String motherEmail(String upnDigits) {
        return "zofia." + upnDigits + "@example.invalid";
    }

    /** The test route for the case, with today's figures as the calculator would have set them. */
    private ProcessInstance start(InterventionCase c, LetterType type, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(figures());
        variables.putAll(more);
        return start(c, type.name(), variables);
    }

    private ProcessInstance start(InterventionCase c, String letterType, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("caseId", c.getId());
        variables.put("letterType", letterType);
        return runtime.startProcessInstanceByKey("letters-test", variables);
    }

    /** Runs the letter job, which must fail, and answers why. */
    private String failureOf(ProcessInstance instance) {
        String jobId = letterJob(instance).getId();
        return catchThrowable(() -> management.executeJob(jobId)).getMessage();
    }

    private Job letterJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if ("application/pdf".equals(part.getContentType().split(";")[0].strip())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }

    @Test
    void eachParentGetsTheLetterByTheirPreferredMethodAndTheNextFormLinksToIt() throws Exception {
        String email = motherEmail("920000000011");
        Pupil pupil = fixtures.pupil("920000000011", "Łucja", mother(email), fatherByPost(), grandmotherWithoutResponsibility());
        InterventionCase c = fixtures.openCase(pupil, LetterType.Route.IMPROVEMENT);
        ProcessInstance instance = start(c, LetterType.IMPROVEMENT_STAGE_1, Map.of());

        assertThat(letters.findByCaseIdOrderById(c.getId())).as("nothing is issued before the job runs").isEmpty();
        management.executeJob(letterJob(instance).getId());

        List<Letter> issued = letters.findByCaseIdOrderById(c.getId());
        assertThat(issued).extracting(Letter::getRecipientName, Letter::getDelivery, Letter::getStatus).containsExactly(
                tuple("Mrs Zofia Kowalczyk", ContactMethod.EMAIL, LetterStatus.SENT),
                tuple("Mr Tomasz Kowalczyk", ContactMethod.POST, LetterStatus.AWAITING_POST));
        Letter toMother = issued.get(0);
        assertThat(toMother.getAttendancePercent()).isEqualByComparingTo("87.4");
        assertThat(toMother.getAbsencePercent()).isEqualByComparingTo("12.6");
        assertThat(toMother.getPossibleSessions()).isEqualTo(104);
        assertThat(toMother.getUnauthorisedSessions()).isEqualTo(9);
        assertThat(toMother.getUnauthorisedLast10Weeks()).isEqualTo(7);
        assertThat(toMother.getPeriodStart()).isEqualTo(LetterFixtures.YEAR_START);
        assertThat(toMother.getFiguresDate()).isEqualTo(TODAY);
        assertThat(toMother.getIssuedOn()).isEqualTo(TODAY);
        assertThat(toMother.getSentAt()).isNotNull();
        assertThat(toMother.getAttempts()).isOne();

        List<MimeMessage> mails = received(email);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Attendance improvement process: stage 1: Łucja Kowalczyk");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("attendance@avonford.school.invalid");
        assertThat(GreenMailUtil.getBody(mail)).contains("Dear Mrs Kowalczyk");
        String emailed = text(attachment(mail));
        assertThat(emailed).contains("Łucja Kowalczyk", "Mrs Zofia Kowalczyk", "20 November 2026",
                "Attendance from 3 September 2026 to 20 November 2026 87.4%", "Sessions of unauthorised absence 9",
                "no further absences will be authorised without medical evidence");
        assertThat(text(letterService.pdf(issued.get(1).getId()))).contains("Mr Tomasz Kowalczyk", "Dear Mr Kowalczyk",
                "Łucja Kowalczyk", "87.4%");
        assertThat(received("irena.nowak@example.invalid")).as("no parental responsibility, no letter").isEmpty();

        List<CaseEvent> issuedEvents = events.findByCaseIdOrderByOccurredAtAscIdAsc(c.getId()).stream()
                .filter(e -> e.getEventType() == CaseEventType.LETTER_ISSUED).toList();
        assertThat(issuedEvents).hasSize(2).allSatisfy(e -> {
            assertThat(e.getPerformedBy()).isEqualTo("system");
            assertThat(e.getStage()).isEqualTo("Stage under test");
            assertThat(e.getDetails()).contains("attendance 87.4%", "9 unauthorised of 104");
        });
        assertThat(issuedEvents.get(0).getSummary()).contains("letter " + toMother.getId(), "by email").doesNotContain("Zofia");

        Task next = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("readTheLetter");
        assertThat(runtime.getVariable(instance.getId(), IssueLetter.LAST_LETTER_ID)).isEqualTo(toMother.getId());
        assertThat(runtime.getVariable(instance.getId(), IssueLetter.LAST_LETTER_LINK))
                .isEqualTo("/api/letters/" + toMother.getId() + "/pdf");
        assertThat(tasks.getVariables(next.getId())).containsEntry(IssueLetter.LAST_LETTER_LINK,
                "/api/letters/" + toMother.getId() + "/pdf");
    }

    @Test
    void aFailingSmtpServerIsRetriedByTheEngineEndsAsAnIncidentAndTheLetterStaysNotSent() throws Exception {
        String email = motherEmail("920000000012");
        InterventionCase c = caseWithMother("920000000012", LetterType.Route.IMPROVEMENT);
        ProcessInstance instance = start(c, LetterType.IMPROVEMENT_STAGE_1, Map.of());
        int smtpPort = mailSender.getPort();
        mailSender.setPort(portWithNothingListening());
        try {
            int attempts = 0;
            while (letterJob(instance).getRetries() > 0) {
                String jobId = letterJob(instance).getId();
                assertThatThrownBy(() -> management.executeJob(jobId))
                        .hasMessageContaining("could not email letter")
                        .hasMessageNotContaining(email);
                attempts++;
            }
            assertThat(attempts).as("R3: three attempts").isEqualTo(3);
        } finally {
            mailSender.setPort(smtpPort);
        }

        List<Letter> stored = letters.findByCaseIdOrderById(c.getId());
        assertThat(stored).as("one letter, however often it was tried").hasSize(1);
        Letter letter = stored.get(0);
        assertThat(letter.getStatus()).isEqualTo(LetterStatus.NOT_SENT);
        assertThat(letter.getAttempts()).isEqualTo(3);
        assertThat(letter.getLastError()).isNotBlank();
        assertThat(text(letterService.pdf(letter.getId()))).contains("Łucja Kowalczyk");
        assertThat(events.findByCaseIdOrderByOccurredAtAscIdAsc(c.getId()))
                .filteredOn(e -> e.getEventType() == CaseEventType.LETTER_ISSUED).hasSize(1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("issueTheLetter");
        assertThat(incident.getIncidentMessage()).contains("letter " + letter.getId(), Upn.of("920000000012"));
        assertThat(received(email)).isEmpty();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

        // staff correct the address and retry from Cockpit: the stored letter goes, to the new address
        String corrected = "zofia.k.920000000012@example.invalid";
        fixtures.pupil("920000000012", "Łucja", mother(corrected));
        management.setJobRetries(letterJob(instance).getId(), 1);
        management.executeJob(letterJob(instance).getId());

        Letter sent = letters.findById(letter.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(LetterStatus.SENT);
        assertThat(sent.getEmailAddress()).isEqualTo(corrected);
        assertThat(sent.getAttempts()).isEqualTo(4);
        assertThat(letters.findByCaseIdOrderById(c.getId())).hasSize(1);
        assertThat(received(corrected)).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("readTheLetter");
    }

    private static int portWithNothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void withoutFiguresTheJobFailsAskingForTheCalculationAndNothingIsIssued() {
        InterventionCase c = caseWithMother("920000000013", LetterType.Route.IMPROVEMENT);
        ProcessInstance instance = start(c, "IMPROVEMENT_STAGE_1", Map.of());

        assertThat(failureOf(instance))
                .contains("calculate attendance before issuing a letter: process variable 'attendancePercent' is missing");
        assertThat(letters.findByCaseIdOrderById(c.getId())).isEmpty();
    }

    @Test
    void aLetterThatStatesTheTargetWaitsForOneAndThenStatesIt() {
        InterventionCase c = caseWithMother("920000000014", LetterType.Route.IMPROVEMENT);
        ProcessInstance instance = start(c, LetterType.IMPROVEMENT_STAGE_2, Map.of());

        assertThat(failureOf(instance))
                .contains("case " + c.getId() + " has no pending target: set the target before issuing the letter");
        assertThat(letters.findByCaseIdOrderById(c.getId())).isEmpty();

        Target target = targets.save(new Target(c.getId(), "96% or more over the next 6 weeks", TODAY.plusDays(3),
                TODAY.plusDays(3 + 7 * 7), new BigDecimal("96.00"), null));
        management.executeJob(letterJob(instance).getId());

        Letter letter = letters.findByCaseIdOrderById(c.getId()).get(0);
        assertThat(letter.getTargetId()).isEqualTo(target.getId());
        assertThat(letter.getTargetPercent()).isEqualByComparingTo("96");
        assertThat(letter.getTargetEnd()).isEqualTo(LetterFixtures.TODAY.plusDays(52));
        assertThat(text(letterService.pdf(letter.getId()))).contains("formal 6-week attendance target",
                "at least 96% of sessions from 23 November 2026 to 11 January 2027");
    }

    @Test
    void theNoticeToImproveGoesToTheParentsWithACopyForTheLocalAuthorityAndStatesTheMeeting() {
        InterventionCase c = caseWithMother("920000000015", LetterType.Route.GRADUATED);
        ProcessInstance instance = start(c, LetterType.NOTICE_TO_IMPROVE, Map.of("meetingAt", "2026-11-26T15:30"));
        management.executeJob(letterJob(instance).getId());

        List<Letter> issued = letters.findByCaseIdOrderById(c.getId());
        assertThat(issued).hasSize(2);
        assertThat(issued.get(0).isToLocalAuthority()).isFalse();
        assertThat(issued.get(0).getMeetingAt()).hasToString("2026-11-26T15:30");
        assertThat(text(letterService.pdf(issued.get(0).getId())))
                .contains("The meeting is on Thursday 26 November 2026 at 3:30 pm",
                        "A copy of this notice has been sent to the local authority attendance service");
        Letter copy = issued.get(1);
        assertThat(copy.isToLocalAuthority()).isTrue();
        assertThat(copy.getDelivery()).as("no authority email in the tests: by post").isEqualTo(ContactMethod.POST);
        assertThat(copy.getStatus()).isEqualTo(LetterStatus.AWAITING_POST);
        assertThat(text(letterService.pdf(copy.getId())))
                .contains("Copy for the local authority attendance service", "Mrs Zofia Kowalczyk, 12 Elm Road", "Łucja Kowalczyk");
        assertThat(runtime.getVariable(instance.getId(), IssueLetter.LAST_LETTER_ID)).isEqualTo(issued.get(0).getId());
    }

    @Test
    void aMeetingLetterWithoutAMeetingAsksTheParentToArrangeOneWithinTheSchoolDaysTheBpmnGives() {
        InterventionCase c = caseWithMother("920000000016", LetterType.Route.FRAMEWORK);
        ProcessInstance instance = start(c, LetterType.FRAMEWORK_LETTER_2,
                Map.of("respondWithinSchoolDays", 3, "meetingAt", "2026-11-02T09:00"));
        management.executeJob(letterJob(instance).getId());

        Letter letter = letters.findByCaseIdOrderById(c.getId()).get(0);
        assertThat(letter.getMeetingAt()).as("a meeting already past is not offered").isNull();
        assertThat(letter.getRespondBy()).isEqualTo(TODAY.plusDays(5)); // Friday + 3 school days: Wednesday
        assertThat(text(letterService.pdf(letter.getId())))
                .contains("Please contact the school by 25 November 2026 (within 3 school days");
    }

    @Test
    void aLetterOfAnotherRouteIsRefused() {
        InterventionCase c = caseWithMother("920000000017", LetterType.Route.IMPROVEMENT);

        assertThat(failureOf(start(c, LetterType.ACTION_LETTER_1, Map.of())))
                .contains("letter type ACTION_LETTER_1 is not a letter of route attendance-improvement-process",
                        "use one of IMPROVEMENT_STAGE_1, IMPROVEMENT_STAGE_2");
    }

    @Test
    void anUnknownLetterTypeIsRefusedWithTheNames() {
        InterventionCase c = caseWithMother("920000000017", LetterType.Route.IMPROVEMENT);

        assertThat(failureOf(start(c, "STAGE_ONE", figures())))
                .contains("unknown letter type 'STAGE_ONE': use one of IMPROVEMENT_STAGE_1");
    }

    @Test
    void theLetterTaskMustRunInAJob() {
        repository.createDeployment().name("letters-test-without-job").enableDuplicateFiltering(false)
                .addModelInstance("letters-test-without-job.bpmn", Bpmn.createExecutableProcess("letters-test-without-job")
                        .camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask("sendAtOnce").camundaDelegateExpression("${issueLetter}")
                        .camundaInputParameter("letterType", "IMPROVEMENT_STAGE_1").endEvent().done())
                .deploy();

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("letters-test-without-job", Map.of("caseId", 1L)))
                .hasMessageContaining("the letter task 'sendAtOnce' must run in a job: set camunda:asyncBefore=\"true\"");
    }

    /** Every route's letters go through the engine: a case on the type's route, the target when it needs one. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(LetterType.class)
    void everyLetterTypeIsIssuedThroughTheServiceTask(LetterType type) {
        Pupil pupil = fixtures.pupil("920000000018", "Łucja", mother("zofia.920000000018@example.invalid"), fatherByPost());
        InterventionCase c = fixtures.openCase(pupil, type.routes().iterator().next());
        if (type.targetUse() == LetterType.TargetUse.REQUIRED) {
            targets.save(new Target(c.getId(), "Attend every day", TODAY.plusDays(3), TODAY.plusDays(31),
                    new BigDecimal("96.00"), "a reward trip"));
        }
        ProcessInstance instance = start(c, type, Map.of());
        management.executeJob(letterJob(instance).getId());

        List<Letter> issued = letters.findByCaseIdOrderById(c.getId());
        assertThat(issued).extracting(Letter::getLetterType).containsOnly(type);
        assertThat(issued).extracting(Letter::getStatus).contains(LetterStatus.SENT, LetterStatus.AWAITING_POST);
        assertThat(text(letterService.pdf(issued.get(0).getId()))).contains("Łucja Kowalczyk", "Mrs Zofia Kowalczyk", "87.4%");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
    }
}
