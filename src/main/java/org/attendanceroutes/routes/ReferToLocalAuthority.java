package org.attendanceroutes.routes;

import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.security.LocalAuthorityAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refers the route's case to the local authority: marks the case referred, records the
 * referral in its history, and lets the local authority read this route instance. Input
 * parameter: optional {@code referralTo}, the service referred to (e.g. "Warwickshire Attendance
 * Service").
 */
@Component
public class ReferToLocalAuthority implements JavaDelegate {

    private final Casework cases;
    private final LocalAuthorityAccess localAuthority;

    ReferToLocalAuthority(Casework cases, LocalAuthorityAccess localAuthority) {
        this.cases = cases;
        this.localAuthority = localAuthority;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object referralTo = execution.getVariableLocal("referralTo");
        String service = referralTo == null || referralTo.toString().isBlank() ? null : referralTo.toString().strip();
        cases.refer(RouteVariables.caseId(execution), service, RecordCaseEvent.actor(execution));
        localAuthority.grantRead(execution.getProcessInstanceId());
    }
}
