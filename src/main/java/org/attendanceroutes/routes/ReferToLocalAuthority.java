package org.attendanceroutes.routes;

import org.attendanceroutes.casework.CaseReferrals;
import org.attendanceroutes.security.LocalAuthorityAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Refers the route's case to the local authority: marks the case referred, records the
 * referral in its history, and lets the local authority read this route instance. Reads the
 * process variable {@code caseId} and the optional input parameter {@code referralTo} (the
 * service referred to, e.g. "Warwickshire Attendance Service").
 */
@Component
public class ReferToLocalAuthority implements JavaDelegate {

    private final CaseReferrals referrals;
    private final LocalAuthorityAccess localAuthority;

    ReferToLocalAuthority(CaseReferrals referrals, LocalAuthorityAccess localAuthority) {
        this.referrals = referrals;
        this.localAuthority = localAuthority;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable("caseId") instanceof Number caseId)) {
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " has no number in process variable caseId: no case to refer");
        }
        Object referralTo = execution.getVariableLocal("referralTo");
        String service = referralTo == null || referralTo.toString().isBlank() ? null : referralTo.toString().strip();
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        referrals.refer(caseId.longValue(), service, user == null ? "system" : user.getUserId());
        localAuthority.grantRead(execution.getProcessInstanceId());
    }
}
