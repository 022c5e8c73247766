package org.attendanceroutes.routes;

import java.time.Clock;
import java.time.LocalDate;

import org.attendanceroutes.attendance.AttendanceService;
import org.attendanceroutes.attendance.TargetProgress;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.attendanceroutes.casework.TargetResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Concludes the target set last ({@code targetId}) once its period is over, from the register:
 * sets {@code targetAchieved} and {@code targetAchievedPercent} and records the result.
 */
@Component
public class ReviewTarget implements JavaDelegate {

    /** Whether the target under review was reached (Boolean). */
    public static final String TARGET_ACHIEVED = "targetAchieved";
    /** Attendance over the target's period (Double, one decimal place). */
    public static final String TARGET_ACHIEVED_PERCENT = "targetAchievedPercent";

    private final TargetRepository targets;
    private final Casework cases;
    private final AttendanceService attendance;
    private final Clock clock;

    ReviewTarget(TargetRepository targets, Casework cases, AttendanceService attendance, Clock clock) {
        this.targets = targets;
        this.cases = cases;
        this.attendance = attendance;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(SetTarget.TARGET_ID);
        if (!(id instanceof Number targetId)) {
            throw new IllegalStateException("'" + execution.getCurrentActivityName()
                    + "' reviews a target, but no target was set before it (variable targetId)");
        }
        Target target = targets.findById(targetId.longValue()).orElseThrow(() ->
                new IllegalStateException("target " + targetId + " does not exist"));
        InterventionCase reviewed = cases.get(target.getCaseId());
        LocalDate today = LocalDate.now(clock);
        TargetProgress progress = attendance.targetProgress(reviewed.getPupilId(), target.getStartDate(),
                target.getEndDate(), target.getRequiredPercent(), today);
        if (progress.status() == TargetProgress.Status.ON_TRACK) {
            throw new IllegalStateException("target " + target.getId() + " runs until " + target.getEndDate()
                    + " and cannot be concluded on " + today);
        }
        boolean achieved = progress.status() == TargetProgress.Status.ACHIEVED;
        target.conclude(progress.achievedPercent(), achieved ? TargetResult.ACHIEVED : TargetResult.MISSED);
        targets.save(target);
        cases.record(reviewed.getId(), CaseEventType.TARGET_RESULT, Casework.SYSTEM,
                target.getDescription() + (achieved ? ": achieved" : ": missed") + " with "
                        + (progress.achievedPercent() == null ? "no possible session" : progress.achievedPercent() + " %"),
                null);
        execution.setVariable(TARGET_ACHIEVED, achieved);
        execution.setVariable(TARGET_ACHIEVED_PERCENT,
                progress.achievedPercent() == null ? null : progress.achievedPercent().doubleValue());
    }
}
