package org.attendanceroutes.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.attendanceroutes.ApplicationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * In the demo, a route or form saved into the watched folders is deployed: only changed files get a
 * new version, running cases stay on theirs, and a file the engine cannot parse leaves the version
 * in service. Every deployment made here is removed afterwards, as the PostgreSQL run shares one
 * database between tests.
 */
@ApplicationTest
class RedeployChangedFilesTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    final List<String> deployments = new ArrayList<>();
    Instant lastSave = Instant.now();

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aRouteSavedIntoTheWatchedFoldersIsDeployedAndRunningCasesKeepTheirVersion(@TempDir Path analyst) throws IOException {
        Path processes = Files.createDirectory(analyst.resolve("processes"));
        Path forms = Files.createDirectory(analyst.resolve("forms"));
        // the demo profile's watcher, its settings bound as the demo binds them, on this test's engine;
        // the test looks for changes by hand (redeployIfChanged): the poller starts only with the application
        new ApplicationContextRunner().withBean(RepositoryService.class, () -> repository)
                .withPropertyValues("attendance.redeploy.watch=true", "attendance.redeploy.folders=" + processes + "," + forms)
                .withUserConfiguration(RedeployChangedFiles.class)
                .run(context -> savedChangesAreDeployed(context.getBean(RedeployChangedFiles.class), processes, forms));
    }

    void savedChangesAreDeployed(RedeployChangedFiles watcher, Path processes, Path forms) throws IOException {
        String key = "redeploy-watch-" + UUID.randomUUID();
        Path file = processes.resolve(key + ".bpmn");
        save(file, watchedRoute(key, "Review the case"));
        save(forms.resolve(key + ".form"), "{\"id\": \"" + key + "\", \"type\": \"default\", \"components\": []}");
        DeploymentWithDefinitions first = track(watcher.redeployIfChanged());
        assertThat(repository.getDeploymentResourceNames(first.getId()))
                .containsExactlyInAnyOrder("processes/" + key + ".bpmn", "forms/" + key + ".form");
        ProcessInstance running = runtime.startProcessInstanceByKey(key);

        save(file, watchedRoute(key, "Review the case again"));
        DeploymentWithDefinitions second = track(watcher.redeployIfChanged());
        assertThat(repository.getDeploymentResourceNames(second.getId())).as("only the changed file")
                .containsExactly("processes/" + key + ".bpmn");
        assertThat(second.getDeployedProcessDefinitions()).singleElement()
                .satisfies(definition -> assertThat(definition.getVersion()).isEqualTo(2));
        ProcessInstance next = runtime.startProcessInstanceByKey(key);
        assertThat(taskName(next)).isEqualTo("Review the case again");
        assertThat(taskName(running)).as("the running case stays on its version").isEqualTo("Review the case");

        // saved again unchanged, and a file the engine cannot parse: neither makes a new version
        save(file, watchedRoute(key, "Review the case again"));
        assertThat(watcher.redeployIfChanged()).isNull();
        save(file, watchedRoute(key, "Review the case again").replace("targetRef=\"end\"", "targetRef=\"nowhere\""));
        assertThat(watcher.redeployIfChanged()).isNull();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion()).as("the version in service").isEqualTo(2);
        assertThat(taskName(runtime.startProcessInstanceByKey(key))).isEqualTo("Review the case again");

        save(file, watchedRoute(key, "Review the case a third time"));
        assertThat(track(watcher.redeployIfChanged()).getDeployedProcessDefinitions()).singleElement()
                .satisfies(definition -> assertThat(definition.getVersion()).isEqualTo(3));
    }

    DeploymentWithDefinitions track(DeploymentWithDefinitions deployment) {
        assertThat(deployment).as("a new deployment").isNotNull();
        deployments.add(deployment.getId());
        return deployment;
    }

    String taskName(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName();
    }

    /** Writes the file as an editor saves it, a second later than the last save (file times may be coarse). */
    void save(Path file, String content) throws IOException {
        Files.writeString(file, content);
        lastSave = lastSave.plusSeconds(1);
        Files.setLastModifiedTime(file, FileTime.from(lastSave));
    }

    static String watchedRoute(String key, String taskName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="definitions" targetNamespace="http://attendanceroutes.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f-start" sourceRef="start" targetRef="review" />
                    <bpmn:userTask id="review" name="%s" camunda:candidateGroups="attendance-officers" />
                    <bpmn:sequenceFlow id="f-review" sourceRef="review" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, taskName);
    }
}
