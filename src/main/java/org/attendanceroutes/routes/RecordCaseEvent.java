package org.attendanceroutes.routes;

import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes a line to the case's history. Input parameters: {@code eventType} (a CaseEventType such
 * as MEETING_HELD), {@code summary}, and optionally {@code details}. The step is recorded as done
 * by the user whose task completion led here, or by "system".
 */
@Component
public class RecordCaseEvent implements JavaDelegate {

    private final Casework cases;

    RecordCaseEvent(Casework cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String element = execution.getCurrentActivityName();
        String type = RouteVariables.required(execution, "eventType", element).toString();
        CaseEventType eventType;
        try {
            eventType = CaseEventType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + element + "': eventType '" + type + "' is not one of "
                    + java.util.Arrays.toString(CaseEventType.values()));
        }
        Object details = execution.getVariableLocal("details");
        cases.record(RouteVariables.caseId(execution), eventType, actor(execution),
                RouteVariables.required(execution, "summary", element).toString(),
                details == null ? null : details.toString());
    }

    static String actor(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? Casework.SYSTEM : current.getUserId();
    }
}
