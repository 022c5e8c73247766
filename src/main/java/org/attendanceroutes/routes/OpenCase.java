package org.attendanceroutes.routes;

import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Opens the pupil's case when a route starts (execution listener on the start event): the
 * business key is the pupil's UPN; the case, school and the pupil's name become variables.
 */
@Component
public class OpenCase implements ExecutionListener {

    private final Schools schools;
    private final Casework cases;

    OpenCase(Schools schools, Casework cases) {
        this.schools = schools;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String upn = execution.getProcessBusinessKey();
        Pupil pupil = schools.pupilByUpn(upn == null ? "" : upn).orElseThrow(() -> new IllegalArgumentException(
                "a route starts with the pupil's UPN as business key; '" + upn + "' is no pupil's UPN"));
        String routeKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        InterventionCase opened = cases.open(pupil.getId(), upn, routeKey, execution.getProcessInstanceId());
        execution.setVariable(RouteVariables.CASE_ID, opened.getId());
        execution.setVariable(RouteVariables.SCHOOL_ID, pupil.getSchool().getId());
        execution.setVariable(RouteVariables.UPN, upn);
        execution.setVariable(RouteVariables.PUPIL_NAME, pupil.getFullName());
    }
}
