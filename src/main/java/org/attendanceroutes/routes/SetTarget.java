package org.attendanceroutes.routes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.calendar.SchoolTimeExpressions;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.Target;
import org.attendanceroutes.casework.TargetRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets an attendance target on the case: {@code targetPercent} % over the next
 * {@code targetWeeks} school weeks, or {@code targetDays} school days, from the next school day
 * (input parameters; optional {@code description} and {@code reward}). The review timer waits
 * for {@code targetReviewAt}.
 */
@Component
public class SetTarget implements JavaDelegate {

    /** The target's id (Long), for its review. */
    public static final String TARGET_ID = "targetId";
    /** The last school day of the target (String, ISO date), for letters and forms. */
    public static final String TARGET_END_DATE = "targetEndDate";
    /** When the target falls due for review (Date): the end of its last school day. */
    public static final String TARGET_REVIEW_AT = "targetReviewAt";

    private final TargetRepository targets;
    private final Casework cases;
    private final SchoolTimeExpressions schoolTime;
    private final Clock clock;

    SetTarget(TargetRepository targets, Casework cases, SchoolTimeExpressions schoolTime, Clock clock) {
        this.targets = targets;
        this.cases = cases;
        this.schoolTime = schoolTime;
        this.clock = clock;
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
        Object description = execution.getVariableLocal("description");
        Object reward = execution.getVariableLocal("reward");

        SchoolCalendar calendar = schoolTime.calendarOf(execution);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = calendar.nextSchoolDayFrom(today.plusDays(1));
        LocalDate end = inDays ? calendar.addSchoolDays(today, count) : calendar.addSchoolWeeks(today, count);
        String wording = description != null ? description.toString()
                : percent.stripTrailingZeros().toPlainString() + " % attendance over the next " + count
                + (inDays ? " school days" : " school weeks");
        Long caseId = RouteVariables.caseId(execution);
        Target target = targets.save(new Target(caseId, wording, start, end, percent,
                reward == null ? null : reward.toString()));
        cases.record(caseId, CaseEventType.TARGET_SET, RecordCaseEvent.actor(execution),
                wording + ", from " + start + " to " + end, reward == null ? null : "Reward: " + reward);

        execution.setVariable(TARGET_ID, target.getId());
        execution.setVariable(TARGET_END_DATE, end.toString());
        execution.setVariable(TARGET_REVIEW_AT, schoolTime.endOfSchoolDay(end));
    }
}
