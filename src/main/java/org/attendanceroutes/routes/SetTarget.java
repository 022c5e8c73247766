package org.attendanceroutes.routes;

import java.math.BigDecimal;

import org.attendanceroutes.calendar.SchoolTimeExpressions;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.Targets;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets an attendance target on the case ({@link Targets#set}): {@code targetPercent} % over the
 * next {@code targetWeeks} school weeks, or {@code targetDays} school days (input parameters;
 * optional {@code description} and {@code reward}). The review timer waits for {@code targetReviewAt}.
 */
@Component
public class SetTarget implements JavaDelegate {

    /** The target's id (Long), for its review. */
    public static final String TARGET_ID = "targetId";
    /** The last school day of the target (String, ISO date), for letters and forms. */
    public static final String TARGET_END_DATE = "targetEndDate";
    /** When the target falls due for review (Date): the end of its last school day. */
    public static final String TARGET_REVIEW_AT = "targetReviewAt";

    private final Targets targets;
    private final SchoolTimeExpressions schoolTime;

    SetTarget(Targets targets, SchoolTimeExpressions schoolTime) {
        this.targets = targets;
        this.schoolTime = schoolTime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String element = execution.getCurrentActivityName();
        BigDecimal percent = RouteVariables.decimal(RouteVariables.required(execution, "targetPercent", element),
                "targetPercent", element);
        // a period in school days (a Notice to Improve's 20 days) or, by default, in school weeks
        boolean inDays = execution.getVariableLocal("targetDays") != null;
        Object period = execution.getVariable(inDays ? "targetDays" : "targetWeeks");
        if (period == null) {
            throw new IllegalArgumentException("'" + element + "' needs the input parameter targetWeeks (school weeks)"
                    + " or targetDays (school days)");
        }
        int count = RouteVariables.wholeNumber(period, inDays ? "targetDays" : "targetWeeks", element);
        Target target = targets.set(RouteVariables.caseId(execution), percent, count,
                inDays ? Targets.Period.SCHOOL_DAYS : Targets.Period.SCHOOL_WEEKS,
                text(execution.getVariableLocal("description")), text(execution.getVariableLocal("reward")),
                RecordCaseEvent.actor(execution));
        execution.setVariable(TARGET_ID, target.getId());
        execution.setVariable(TARGET_END_DATE, target.getEndDate().toString());
        execution.setVariable(TARGET_REVIEW_AT, schoolTime.endOfSchoolDay(target.getEndDate()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
