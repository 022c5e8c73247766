package org.attendanceroutes.routes;

import org.attendanceroutes.casework.Targets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Concludes the target set last ({@code targetId}) once its period is over, from the register
 * ({@link Targets#conclude}): sets {@code targetAchieved} and {@code targetAchievedPercent}.
 */
@Component
public class ReviewTarget implements JavaDelegate {

    /** Whether the target under review was reached (Boolean). */
    public static final String TARGET_ACHIEVED = "targetAchieved";
    /** Attendance over the target's period (Double, one decimal place). */
    public static final String TARGET_ACHIEVED_PERCENT = "targetAchievedPercent";

    private final Targets targets;

    ReviewTarget(Targets targets) {
        this.targets = targets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(SetTarget.TARGET_ID);
        if (!(id instanceof Number targetId)) {
            throw new IllegalStateException("'" + execution.getCurrentActivityName()
                    + "' reviews a target, but no target was set before it (variable targetId)");
        }
        Targets.Result result = targets.conclude(targetId.longValue());
        execution.setVariable(TARGET_ACHIEVED, result.achieved());
        execution.setVariable(TARGET_ACHIEVED_PERCENT,
                result.achievedPercent() == null ? null : result.achievedPercent().doubleValue());
    }
}
