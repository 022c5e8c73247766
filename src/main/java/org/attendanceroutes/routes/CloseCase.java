package org.attendanceroutes.routes;

import org.attendanceroutes.casework.Casework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the case with its outcome, from an end event's listener:
 * {@code ${closeCase.withOutcome(execution, 'Improved after stage 1')}}.
 */
@Component
public class CloseCase {

    private final Casework cases;

    CloseCase(Casework cases) {
        this.cases = cases;
    }

    public void withOutcome(DelegateExecution execution, String outcome) {
        cases.close(RouteVariables.caseId(execution), outcome);
    }
}
