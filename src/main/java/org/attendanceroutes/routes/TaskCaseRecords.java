package org.attendanceroutes.routes;

import java.util.stream.Collectors;

import org.attendanceroutes.casework.CaseEvent;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What every route's user tasks share, so the BPMN need not repeat it: when a task is created its
 * form gets the case's history ({@code caseHistory}); when it is completed, the case records it as
 * the event its {@code caseEvent} extension property names (a CaseEventType, or an expression
 * such as {@code ${parentAttended ? 'MEETING_HELD' : 'MEETING_MISSED'}}), with the details of its
 * optional {@code caseEventDetails} expression, as done by the user who completed it.
 */
@Component
public class TaskCaseRecords {

    private final Casework cases;

    TaskCaseRecords(Casework cases) {
        this.cases = cases;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void showCaseHistory(DelegateTask task) {
        if (task.getVariable(RouteVariables.CASE_ID) != null) {
            task.setVariableLocal(RouteVariables.CASE_HISTORY, historyOf(RouteVariables.caseId(task)));
        }
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void recordCompletion(DelegateTask task) {
        String type = property(task, "caseEvent");
        if (type == null || task.getVariable(RouteVariables.CASE_ID) == null) {
            return;
        }
        String eventType = evaluate(task, type);
        CaseEventType parsed;
        try {
            parsed = CaseEventType.valueOf(eventType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("task '" + task.getName() + "': caseEvent '" + eventType
                    + "' is not a case event type");
        }
        String details = property(task, "caseEventDetails");
        cases.record(RouteVariables.caseId(task), parsed, actor(task), task.getName(),
                details == null ? null : evaluate(task, details));
    }

    /** The history as a Markdown list, newest last, for the forms' "The case so far". */
    String historyOf(Long caseId) {
        return cases.history(caseId).stream().map(TaskCaseRecords::line).collect(Collectors.joining("\n"));
    }

    private static String line(CaseEvent event) {
        return "- " + event.getOccurredAt().toString().substring(0, 10) + ": " + event.getSummary()
                + (event.getStage() == null ? "" : " (" + event.getStage() + ")");
    }

    private static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : Casework.SYSTEM;
    }

    private static String property(DelegateTask task, String name) {
        var element = task.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    private static String evaluate(DelegateTask task, String text) {
        if (!text.contains("${")) {
            return text;
        }
        Object value = Context.getProcessEngineConfiguration().getExpressionManager().createExpression(text)
                .getValue(task);
        return value == null ? null : value.toString();
    }
}
