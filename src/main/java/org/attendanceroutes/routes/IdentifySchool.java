package org.attendanceroutes.routes;

import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Starts a school-wide process (execution listener on its start event): the business key is the
 * school's URN, and {@code schoolId} (whose calendar counts school time) becomes a variable. A
 * school runs one such process at a time, so nothing is sent twice.
 */
@Component
public class IdentifySchool implements ExecutionListener {

    private final Schools schools;

    IdentifySchool(Schools schools) {
        this.schools = schools;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String urn = execution.getProcessBusinessKey();
        School school = schools.byUrn(urn == null ? "" : urn).orElseThrow(() -> new IllegalArgumentException(
                "this process starts with the school's URN as business key; '" + urn + "' is no school's URN"));
        String definitionId = execution.getProcessDefinitionId();
        String key = execution.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId)
                .getKey();
        // the instance being started is not in the database yet: any instance found is another one
        long running = execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(key).processInstanceBusinessKey(urn).count();
        if (running > 0) {
            throw new IllegalStateException("school " + urn + " already runs " + key);
        }
        execution.setVariable(RouteVariables.SCHOOL_ID, school.getId());
    }
}
