package org.attendanceroutes.routes;

import org.attendanceroutes.casework.Casework;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the case to a stage, from a milestone event's listener:
 * {@code ${enterStage.named(execution, 'Stage 2')}}.
 */
@Component
public class EnterStage {

    private final Casework cases;

    EnterStage(Casework cases) {
        this.cases = cases;
    }

    public void named(DelegateExecution execution, String stage) {
        cases.enterStage(RouteVariables.caseId(execution), stage);
    }
}
