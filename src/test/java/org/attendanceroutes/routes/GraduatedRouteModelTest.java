package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The conventions of processes/README.md, read from the files, for every user task of the
 * graduated response: a role, a due date in school time, a Camunda Form that exists, a case event,
 * and case-event details that only use the answers its form asks for (or the route's variables).
 */
class GraduatedRouteModelTest {

    static final Set<String> ROLES = Set.of("tutors", "class-staff", "attendance-officers", "attendance-managers",
            "key-workers", "heads-of-year", "senco", "slt", "local-authority");
    static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)");

    static InputStream resource(String name) {
        return GraduatedRouteModelTest.class.getClassLoader().getResourceAsStream(name);
    }

    @Test
    void everyUserTaskHasARoleADueDateAFormAndACaseEvent() throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromStream(resource("processes/graduated-attendance-response.bpmn"));
        assertThat(model.getModelElementsByType(Process.class)).singleElement()
                .satisfies(process -> assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("2555"));
        List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
        assertThat(userTasks).hasSize(11);
        for (UserTask task : userTasks) {
            String name = task.getId();
            assertThat(ROLES).as(name).contains(task.getCamundaCandidateGroups());
            assertThat(task.getCamundaDueDate()).as(name).startsWith("${schoolCalendar.schoolDaysAfter(execution, ");
            assertThat(task.getCamundaFormRef()).as(name).startsWith("graduated-");
            assertThat(task.getCamundaFormRefBinding()).as(name).isEqualTo("latest");
            Set<String> answers = formKeys(task.getCamundaFormRef());
            assertThat(property(task, "caseEvent")).as(name).isNotBlank();
            for (String used : variables(property(task, "caseEvent") + property(task, "caseEventDetails"))) {
                assertThat(answers).as("%s: its case event uses %s, which its form does not ask for", name, used)
                        .contains(used);
            }
        }
    }

    static Set<String> formKeys(String formId) throws IOException {
        try (InputStream in = resource("forms/" + formId + ".form")) {
            assertThat(in).as("forms/%s.form", formId).isNotNull();
            JsonNode form = new ObjectMapper().readTree(in);
            assertThat(form.get("id").asText()).isEqualTo(formId);
            Set<String> keys = new HashSet<>();
            form.get("components").forEach(component -> {
                if (component.has("key")) {
                    keys.add(component.get("key").asText());
                }
            });
            return keys;
        }
    }

    static String property(UserTask task, String name) {
        return task.getExtensionElements().getElementsQuery().filterByType(
                        org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).singleResult()
                .getCamundaProperties().stream().filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse("");
    }

    static Set<String> variables(String expressions) {
        Set<String> names = new HashSet<>();
        Matcher matcher = VARIABLE.matcher(expressions);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
