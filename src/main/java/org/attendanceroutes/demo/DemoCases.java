package org.attendanceroutes.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.attendance.AttendanceEvaluation;
import org.attendanceroutes.attendance.AttendanceEvaluation.PupilSummary;
import org.attendanceroutes.casework.CaseEventType;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.routes.RouteVariables;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo cases, once, after the demo data: in each demo school, one pupil stands at each stage of
 * the school's route, so a newcomer finds every stage's tasks, timers and letters in Tasklist and
 * Cockpit. The stages are read from the route's BPMN (the milestones that enter a stage), so an
 * analyst's new stage gets its demo pupil too. The pupils are the school's lowest attenders, the
 * lowest at the last stage.
 *
 * <p>A case is started as the route starts it (the case opens, the figures are calculated) and
 * then moved to its stage by process instance modification; its history says so.
 */
@Component
@Order(1)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String ENTER_STAGE = "${enterStage.named(";
    /**
     * Answers that forms of earlier stages collect and a later stage's gateways read, for a case
     * placed past those forms: the review meeting of the supporting attendance action plan asked
     * the local authority's attendance officer for support.
     */
    private static final Map<String, Object> EARLIER_ANSWERS = Map.of("supportRequest", "ATTENDANCE_OFFICER");

    private final boolean enabled;
    private final Clock clock;
    private final Schools schools;
    private final AttendanceEvaluation evaluation;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Casework cases;
    private final TransactionTemplate transaction;

    DemoCases(@Value("${attendance.demo.data}") boolean enabled, Clock clock, Schools schools,
              AttendanceEvaluation evaluation, RuntimeService runtime, RepositoryService repository, Casework cases,
              PlatformTransactionManager transactions) {
        this.enabled = enabled;
        this.clock = clock;
        this.schools = schools;
        this.evaluation = evaluation;
        this.runtime = runtime;
        this.repository = repository;
        this.cases = cases;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || demoCasesExist()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (DemoSchools spec : DemoSchools.ALL) {
            School school = schools.withUrn(spec.urn());
            List<Stage> stages = stagesOf(school.getRouteKey());
            List<PupilSummary> lowest = evaluation.evaluateSchool(school.getId(), today).stream()
                    .sorted(Comparator.comparing(p -> p.summary().yearToDate().attendancePercent()))
                    .limit(stages.size())
                    .toList();
            for (int i = 0; i < lowest.size(); i++) {
                // the lowest attender stands at the last stage
                Stage stage = stages.get(stages.size() - 1 - i);
                String upn = lowest.get(i).upn();
                transaction.executeWithoutResult(status -> placeAt(school.getRouteKey(), upn, stage));
            }
            log.info("demo cases: school {} has a pupil at each of the {} stages of {}", spec.urn(), stages.size(),
                    school.getRouteKey());
        }
    }

    private boolean demoCasesExist() {
        return DemoSchools.ALL.stream().anyMatch(spec -> cases.anyCaseOf(schools.pupilIds(schools.withUrn(spec.urn()).getId())));
    }

    /** A stage of a route, and the milestone that enters it. */
    record Stage(String milestone, String name) {
    }

    /** The route's stages in the order the BPMN lists them, each at its first milestone. */
    List<Stage> stagesOf(String routeKey) {
        String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(routeKey)
                .latestVersion().singleResult().getId();
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        Map<String, Stage> byName = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getExtensionElements() == null) {
                continue;
            }
            node.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
                    .map(CamundaExecutionListener::getCamundaExpression)
                    .filter(expression -> expression != null && expression.startsWith(ENTER_STAGE))
                    .map(DemoCases::stageName)
                    .forEach(name -> byName.putIfAbsent(name, new Stage(node.getId(), name)));
        }
        return List.copyOf(byName.values());
    }

    private static String stageName(String expression) {
        int start = expression.indexOf('\'') + 1;
        return expression.substring(start, expression.indexOf('\'', start));
    }

    private void placeAt(String routeKey, String upn, Stage stage) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(routeKey, upn);
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        if (tree == null) {
            log.warn("demo cases: the {} route of pupil {} ended at its start; nobody placed at {}", routeKey, upn, stage.name());
            return;
        }
        Long caseId = (Long) runtime.getVariable(instance.getId(), RouteVariables.CASE_ID);
        runtime.setVariables(instance.getId(), EARLIER_ANSWERS);
        // start the stage before cancelling where the route waits, so the instance never stands empty;
        // all in one transaction, so the job executor never sees the route's first wait state
        // (a stage inside a sub-process gets a sub-process of its own, under the process instance itself)
        ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(instance.getId())
                .startBeforeActivity(stage.milestone(), tree.getId());
        for (ActivityInstance child : tree.getChildActivityInstances()) {
            modification.cancelActivityInstance(child.getId());
        }
        for (var transition : tree.getChildTransitionInstances()) {
            modification.cancelTransitionInstance(transition.getId());
        }
        modification.execute();
        if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
            log.warn("demo cases: the {} route of pupil {} ran through {} to its end", routeKey, upn, stage.name());
        }
        cases.record(caseId, CaseEventType.NOTE, "demo", "Placed at " + stage.name() + " for the demonstration",
                "The demo started this case at " + stage.name() + "; the route's earlier stages did not run.");
    }
}
