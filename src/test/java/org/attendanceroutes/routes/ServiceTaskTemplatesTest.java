package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.letters.LetterType;
import org.attendanceroutes.review.EvaluateSchool;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service task in processes/ is made from one of the Camunda Modeler element templates in
 * .camunda/element-templates/ and still matches it: the template's fixed settings (the delegate
 * bean, asynchronous letters), only the inputs it offers, its required inputs filled, dropdown
 * values among its choices. So an analyst's hand edit that breaks a task fails the build here,
 * not a case at run time.
 */
class ServiceTaskTemplatesTest {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Path TEMPLATES = Path.of(".camunda/element-templates");
    static final Path PROCESSES = Path.of("processes");
    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, JsonNode> templates = new HashMap<>();

    @BeforeAll
    static void readTemplates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode content = JSON.readTree(file.toFile());
                for (JsonNode template : content.isArray() ? content : List.of(content)) {
                    templates.put(template.get("id").asText(), template);
                }
            }
        }
    }

    @Test
    void everyServiceTaskOfEveryRouteMatchesItsTemplate() throws IOException {
        List<String> problems = new ArrayList<>();
        int tasks = 0;
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                tasks += model.getModelElementsByType(ServiceTask.class).size();
                problems.addAll(problems(file.getFileName().toString(), model));
            }
        }
        assertThat(tasks).as("service tasks checked, in every route").isGreaterThan(50);
        assertThat(problems).isEmpty();
    }

    @Test
    void aHandEditThatBreaksATemplatedTaskIsNamed() throws IOException {
        String route = Files.readString(PROCESSES.resolve("attendance-improvement-process.bpmn"))
                .replaceFirst("\\$\\{reviewTarget}", "\\${reviewTargets}")
                .replaceFirst(">IMPROVEMENT_STAGE_2<", ">IMPROVEMENT_STAGE_TWO<")
                .replaceFirst("name=\"targetWeeks\"", "name=\"targetWeek\"")
                .replaceFirst("<camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle>", "")
                .replaceFirst(" camunda:modelerTemplate=\"org.attendanceroutes.calculate-attendance\"", "");
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(route.getBytes(StandardCharsets.UTF_8)));

        assertThat(problems("edited.bpmn", model)).containsExactlyInAnyOrder(
                "edited.bpmn calculate-entry: uses no element template (camunda:modelerTemplate)",
                "edited.bpmn letter-stage-1: has no retry time cycle R3/PT10M (a failed letter is retried, then an incident)",
                "edited.bpmn set-target-1: input targetWeek is not one the template org.attendanceroutes.set-a-target offers",
                "edited.bpmn set-target-1: needs one of the inputs targetWeeks or targetDays",
                "edited.bpmn letter-stage-2: input letterType 'IMPROVEMENT_STAGE_TWO' is not one of the template's choices",
                "edited.bpmn review-target-1: camunda:delegateExpression is '${reviewTargets}', the template sets '${reviewTarget}'");
    }

    @Test
    void theDropdownsOfferExactlyTheLetterTypesAndCaseEventTypes() {
        assertThat(choices("org.attendanceroutes.send-a-letter", "letterType"))
                .containsExactlyElementsOf(Arrays.stream(LetterType.values()).map(Enum::name).toList());
        assertThat(choices("org.attendanceroutes.record-a-case-event", "eventType"))
                .containsExactlyElementsOf(Arrays.stream(CaseEventType.values()).map(Enum::name).toList());
    }

    /** The routes' delegates live in this package; the daily evaluation's in {@code review}. */
    @Test
    void eachTemplateCallsADelegateOfTheRoutesOrTheReview() {
        assertThat(templates).hasSize(7);
        for (JsonNode template : templates.values()) {
            String bean = fixedProperty(template, "camunda:delegateExpression").replaceAll("^\\$\\{|}$", "");
            String className = Character.toUpperCase(bean.charAt(0)) + bean.substring(1);
            Class<?> delegate = Stream.of(IssueLetter.class, EvaluateSchool.class)
                    .map(inPackage -> load(inPackage.getPackageName() + "." + className))
                    .filter(Objects::nonNull).findFirst().orElse(null);
            assertThat(delegate).as("the delegate of %s", template.get("id").asText()).isNotNull();
            assertThat(JavaDelegate.class).as(template.get("id").asText()).isAssignableFrom(delegate);
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** What is wrong with the model's service tasks, one line each, naming the file and the task. */
    static List<String> problems(String file, BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String where = file + " " + task.getId() + ": ";
            String id = task.getAttributeValueNs(CAMUNDA, "modelerTemplate");
            JsonNode template = id == null ? null : templates.get(id);
            if (template == null) {
                problems.add(where + (id == null ? "uses no element template (camunda:modelerTemplate)" : "names an unknown template " + id));
                continue;
            }
            String version = task.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion");
            if (!template.get("version").asText().equals(version)) {
                problems.add(where + "uses version " + version + " of " + id + ", the template is version " + template.get("version").asText());
            }
            Map<String, String> inputs = new HashMap<>();
            inputParameters(task).forEach(input -> inputs.put(input.getCamundaName(), input.getTextContent().trim()));
            for (JsonNode property : template.get("properties")) {
                String binding = property.at("/binding/type").asText();
                String name = property.at("/binding/name").asText();
                if (binding.equals("property")) {
                    String actual = attribute(task, name);
                    if (!property.get("value").asText().equals(actual)) {
                        problems.add(where + name + " is '" + actual + "', the template sets '" + property.get("value").asText() + "'");
                    }
                } else if (binding.equals("camunda:inputParameter")) {
                    String value = inputs.remove(name);
                    problems.addAll(inputProblems(where, property, name, value));
                }
            }
            inputs.keySet().forEach(name -> problems.add(where + "input " + name + " is not one the template " + id + " offers"));
            if (id.equals("org.attendanceroutes.send-a-letter") && !"R3/PT10M".equals(retryCycle(task))) {
                problems.add(where + "has no retry time cycle R3/PT10M (a failed letter is retried, then an incident)");
            }
            if (id.equals("org.attendanceroutes.set-a-target")) {
                long periods = inputParameters(task).stream().filter(input -> input.getCamundaName().matches("target(Weeks|Days)")
                        && !input.getTextContent().isBlank()).count();
                if (periods != 1) {
                    problems.add(where + "needs one of the inputs targetWeeks or targetDays");
                }
            }
        }
        return problems;
    }

    private static List<String> inputProblems(String where, JsonNode property, String name, String value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            if (property.at("/constraints/notEmpty").asBoolean()) {
                problems.add(where + "needs the input " + name);
            }
            return problems;
        }
        if (property.has("choices") && property.get("choices").findValuesAsText("value").stream().noneMatch(value::equals)) {
            problems.add(where + "input " + name + " '" + value + "' is not one of the template's choices");
        }
        JsonNode pattern = property.at("/constraints/pattern");
        String regex = pattern.isTextual() ? pattern.asText() : pattern.path("value").asText(null);
        if (regex != null && !value.matches(regex)) {
            problems.add(where + "input " + name + " '" + value + "' does not match " + regex);
        }
        return problems;
    }

    private static String attribute(ServiceTask task, String name) {
        return name.startsWith("camunda:") ? task.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
                : task.getAttributeValue(name);
    }

    private static List<CamundaInputParameter> inputParameters(ServiceTask task) {
        return task.getExtensionElements() == null ? List.of()
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
                        .flatMap(io -> io.getCamundaInputParameters().stream()).toList();
    }

    private static String retryCycle(ServiceTask task) {
        return task.getExtensionElements() == null ? null
                : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
                        .stream().map(cycle -> cycle.getTextContent().trim()).findFirst().orElse(null);
    }

    private static List<String> choices(String templateId, String input) {
        for (JsonNode property : templates.get(templateId).get("properties")) {
            if (input.equals(property.at("/binding/name").asText())) {
                return property.get("choices").findValuesAsText("value");
            }
        }
        throw new AssertionError(templateId + " has no input " + input);
    }

    private static String fixedProperty(JsonNode template, String name) {
        for (JsonNode property : template.get("properties")) {
            if (property.at("/binding/type").asText().equals("property") && name.equals(property.at("/binding/name").asText())) {
                return property.get("value").asText();
            }
        }
        throw new AssertionError(template.get("id").asText() + " sets no " + name);
    }
}
