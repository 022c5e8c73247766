package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.InterventionCaseRepository;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.casework.TargetResult;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Route attendance-improvement-process (seeds/003) on the demo calendar: the half-termly review at
 * the end of Autumn 1 (Friday 23 October 2026) finds the pupil below 90 %; each test then writes
 * the register for the period under review, moves the engine's clock to the next timer and runs it.
 */
@RouteTest
class AttendanceImprovementProcessTest {

    static final String KEY = "attendance-improvement-process";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    TestSchools testSchools;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    Casework casework;
    @Autowired
    TargetRepository targets;
    @Autowired
    InterventionCaseRepository cases;
    @Autowired
    PupilRepository pupilRepository;
    @Autowired
    JdbcTemplate jdbc;

    School school;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        school = testSchools.school("940010");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    /** A pupil below 90 % in Autumn 1 (absent every 4th school day: 75 %) whose case starts at the review. */
    ProcessInstance reviewedBelow90(String digits, int absentEveryNthDayInAutumn1) {
        Pupil pupil = testSchools.pupil(school, digits, LocalDate.of(2026, 9, 1), null);
        testSchools.clearMarks(pupil);
        testSchools.markAbsentEveryNthDay(pupil, "2026-09-03", "2026-10-23", absentEveryNthDayInAutumn1);
        at(LocalDateTime.of(2026, 10, 23, 18, 0));
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, pupil.getUpn());
        assertThat(instance).isWaitingAt("letter-stage-1");
        runJobs(instance);
        assertThat(instance).isWaitingAt("half-term-over");
        assertThat(stage(instance)).isEqualTo("Stage 1");
        return instance;
    }

    Pupil pupilOf(ProcessInstance instance) {
        return pupilRepository.findByUpn(instance.getBusinessKey()).orElseThrow();
    }

    void at(LocalDateTime londonTime) {
        ClockUtil.setCurrentTime(Date.from(londonTime.atZone(LONDON).toInstant()));
    }

    /** Moves the clock to the waiting timer's due date and runs it, then every async step it leads to. */
    void timerFires(ProcessInstance instance, LocalDateTime expectedDue) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(expectedDue.atZone(LONDON).toInstant()));
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        runJobs(instance);
    }

    /** Runs the async steps (letters) that are due now. */
    void runJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceId(instance.getId()).executable().list()).isEmpty()) {
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** The attendance lead completes the open meeting task with the form's answers. */
    void meeting(ProcessInstance instance, String taskId, boolean attended) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskId).singleResult();
        assertThat(task.getDueDate()).as("due 10 school days on").isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link ->
                assertThat(link.getGroupId()).isEqualTo("attendance-managers"));
        assertThat(runtime.getVariable(instance.getId(), "lastLetterLink")).asString().startsWith("/api/letters/");
        assertThat(tasks.getVariable(task.getId(), "caseHistory")).asString().contains("Stage 3");
        testSchools.signIn("manager");
        tasks.complete(task.getId(), Map.of("parentAttended", attended, "barriersDiscussed", "Anxiety about lessons",
                "actionPlan", "Morning check-in with the key worker"));
        identity.clearAuthentication();
        runJobs(instance);
    }

    InterventionCase caseOf(ProcessInstance instance) {
        return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
    }

    String stage(ProcessInstance instance) {
        return caseOf(instance).getCurrentStage();
    }

    List<CaseEventType> events(Long caseId) {
        return casework.history(caseId).stream().map(CaseEvent::getEventType).toList();
    }

    List<String> letterTypes(Long caseId) {
        return jdbc.queryForList("select letter_type from letter where case_id = ? order by id", String.class, caseId);
    }

    /** Stage 2 reached: Autumn 2 not improved either (75 %), the 6-week target set and its letter sent. */
    void notImprovedInAutumn2(ProcessInstance instance) {
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2026-11-02", "2026-12-18", 4);
        timerFires(instance, LocalDateTime.of(2026, 12, 18, 18, 0));
        assertThat(instance).isWaitingAt("target-1-over");
        assertThat(stage(instance)).isEqualTo("Stage 2");
        Target target = targets.findByCaseIdOrderByStartDate(caseOf(instance).getId()).get(0);
        // set on Friday 18 December: from the first school day of January to the sixth school week's Friday
        assertThat(target.getStartDate()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(target.getEndDate()).isEqualTo(LocalDate.of(2027, 2, 12));
        assertThat(target.getRequiredPercent()).isEqualByComparingTo("96");
    }

    /** Stage 3 reached: the 6-week target missed (75 %), the stage 3 letter sent, the meeting waiting. */
    void firstTargetMissed(ProcessInstance instance) {
        notImprovedInAutumn2(instance);
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2027-01-05", "2027-02-12", 4);
        timerFires(instance, LocalDateTime.of(2027, 2, 12, 18, 0));
        assertThat(instance).isWaitingAt("meeting");
        assertThat(stage(instance)).isEqualTo("Stage 3");
        assertThat(targets.findByCaseIdOrderByStartDate(caseOf(instance).getId()).get(0).getResult())
                .isEqualTo(TargetResult.MISSED);
    }

    @Test
    void improvedAfterStageOneEndsWithAnAcknowledgement() {
        ProcessInstance instance = reviewedBelow90("940400126101", 4);
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2026-11-02", "2026-12-18", 0);

        // monitored for another half term: to the end of Autumn 2
        timerFires(instance, LocalDateTime.of(2026, 12, 18, 18, 0));

        assertThat(instance).isEnded().hasPassed("letter-improved").hasNotPassed("stage-2");
        InterventionCase ended = caseOf(instance);
        assertThat(ended.isOpen()).isFalse();
        assertThat(ended.getOutcome()).isEqualTo("Improved at stage 1");
        assertThat(letterTypes(ended.getId())).containsExactly("IMPROVEMENT_STAGE_1", "IMPROVEMENT_ACKNOWLEDGEMENT");
        assertThat(events(ended.getId())).containsExactly(CaseEventType.CASE_OPENED, CaseEventType.STAGE_ENTERED,
                CaseEventType.LETTER_ISSUED, CaseEventType.LETTER_ISSUED, CaseEventType.CASE_CLOSED);
    }

    @Test
    void stageTwoTargetMetWithOverallStillBelow90ReturnsToStageOneMonitoring() {
        ProcessInstance instance = reviewedBelow90("940400126102", 4);
        notImprovedInAutumn2(instance);
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2027-01-05", "2027-02-12", 0);

        timerFires(instance, LocalDateTime.of(2027, 2, 12, 18, 0));

        // 100 % over the target, but about 82 % over the year: back to stage 1 for another half term
        assertThat(instance).isWaitingAt("half-term-over").hasPassed("letter-achieved", "back-to-stage-1");
        assertThat(runtime.getVariable(instance.getId(), "targetAchieved")).isEqualTo(true);
        assertThat((Double) runtime.getVariable(instance.getId(), "attendancePercent")).isLessThan(90);
        assertThat(stage(instance)).isEqualTo("Stage 1");
        assertThat(caseOf(instance).isOpen()).isTrue();
        assertThat(targets.findByCaseIdOrderByStartDate(caseOf(instance).getId()).get(0).getResult())
                .isEqualTo(TargetResult.ACHIEVED);
        // another half term: Spring 2 ends on Thursday 25 March (Good Friday)
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate())
                .isEqualTo(Date.from(LocalDateTime.of(2027, 3, 25, 18, 0).atZone(LONDON).toInstant()));
    }

    @Test
    void stageTwoTargetMetWithOverallAt90OrMoreEndsTheCase() {
        ProcessInstance instance = reviewedBelow90("940400126103", 8);
        // Autumn 2 at about 89 %: not improved enough
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2026-11-02", "2026-12-18", 8);
        timerFires(instance, LocalDateTime.of(2026, 12, 18, 18, 0));
        assertThat(instance).isWaitingAt("target-1-over");
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2027-01-05", "2027-02-12", 0);

        timerFires(instance, LocalDateTime.of(2027, 2, 12, 18, 0));

        assertThat(instance).isEnded().hasPassed("letter-achieved", "end-achieved");
        assertThat((Double) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("attendancePercent").singleResult().getValue())
                .isGreaterThanOrEqualTo(90);
        assertThat(caseOf(instance).getOutcome()).isEqualTo("Target achieved, attendance at 90 % or more");
        assertThat(letterTypes(caseOf(instance).getId())).containsExactly("IMPROVEMENT_STAGE_1",
                "IMPROVEMENT_STAGE_2", "IMPROVEMENT_ACKNOWLEDGEMENT");
    }

    @Test
    void stageThreeWithTheParentAbsentTwiceSendsTheActionPlanAnyway() {
        ProcessInstance instance = reviewedBelow90("940400126104", 4);
        firstTargetMissed(instance);

        meeting(instance, "meeting", false);
        assertThat(instance).isWaitingAt("meeting-again");
        meeting(instance, "meeting-again", false);

        assertThat(instance).hasPassed("letter-action-plan").isWaitingAt("target-2-over");
        Long caseId = caseOf(instance).getId();
        assertThat(letterTypes(caseId)).endsWith("IMPROVEMENT_STAGE_3", "IMPROVEMENT_ACTION_PLAN");
        assertThat(casework.history(caseId)).filteredOn(e -> e.getEventType() == CaseEventType.MEETING_MISSED)
                .hasSize(2).allSatisfy(e -> {
                    assertThat(e.getPerformedBy()).isEqualTo("manager");
                    assertThat(e.getDetails()).contains("Morning check-in with the key worker");
                });
        assertThat(targets.findByCaseIdOrderByStartDate(caseId)).hasSize(2).last()
                .satisfies(t -> assertThat(t.getResult()).isEqualTo(TargetResult.PENDING));
    }

    @Test
    void stageThreeTargetMetAfterTheAdditionalMeetingReturnsToStageOne() {
        ProcessInstance instance = reviewedBelow90("940400126105", 4);
        firstTargetMissed(instance);
        meeting(instance, "meeting", false);
        meeting(instance, "meeting-again", true);
        assertThat(instance).hasNotPassed("letter-action-plan").isWaitingAt("target-2-over");
        assertThat(events(caseOf(instance).getId())).contains(CaseEventType.MEETING_MISSED, CaseEventType.ACTION_PLAN_AGREED);

        // second target, set on 12 February: 22 February (after half term) to Friday 16 April (after Easter)
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2027-02-22", "2027-04-16", 0);
        timerFires(instance, LocalDateTime.of(2027, 4, 16, 18, 0));

        assertThat(instance).isWaitingAt("half-term-over").hasPassed("review-target-2", "letter-achieved");
        assertThat(stage(instance)).isEqualTo("Stage 1");
        assertThat(targets.findByCaseIdOrderByStartDate(caseOf(instance).getId())).extracting(Target::getResult)
                .containsExactly(TargetResult.MISSED, TargetResult.ACHIEVED);
    }

    @Test
    void stageFourReferralToTheCountyAttendanceService() {
        ProcessInstance instance = reviewedBelow90("940400126106", 4);
        firstTargetMissed(instance);
        meeting(instance, "meeting", true);
        testSchools.markAbsentEveryNthDay(pupilOf(instance), "2027-02-22", "2027-04-16", 4);
        timerFires(instance, LocalDateTime.of(2027, 4, 16, 18, 0));

        assertThat(instance).isWaitingAt("prepare-referral");
        assertThat(stage(instance)).isEqualTo("Stage 4");
        Task referral = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        testSchools.signIn("manager");
        tasks.complete(referral.getId(), Map.of("evidenceAttendanceRecord", true, "evidenceLetters", true,
                "evidenceMeetings", true, "evidenceTargets", true, "referralReference", "WAS-2027-114",
                "referralNotes", "Two targets missed after an action plan"));

        assertThat(instance).isEnded().hasPassed("refer", "end-referred");
        InterventionCase referred = caseOf(instance);
        assertThat(referred.getOutcome()).isEqualTo("Referred to the county attendance service");
        assertThat(letterTypes(referred.getId())).endsWith("IMPROVEMENT_REFERRAL");
        assertThat(events(referred.getId())).contains(CaseEventType.ACTION_PLAN_AGREED, CaseEventType.REFERRAL_MADE);
        assertThat(casework.history(referred.getId())).anySatisfy(e ->
                assertThat(e.getDetails()).isEqualTo("Referral submitted, reference WAS-2027-114: Two targets missed after an action plan"));
    }
}
