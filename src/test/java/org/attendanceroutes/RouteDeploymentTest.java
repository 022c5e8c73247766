package org.attendanceroutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/** The routes and forms are deployed from processes/ and forms/ under stable names, once per change. */
class RouteDeploymentTest {

    static final String ROUTE = "processes/attendance-improvement-process.bpmn";

    @Test
    void restartingWithUnchangedFilesCreatesNoNewVersionsAndAChangedFileDoes() throws IOException {
        String database = "--spring.datasource.url=jdbc:h2:mem:redeploy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext first = HeadlessApplication.run(List.of(), database)) {
            RepositoryService repository = first.getBean(RepositoryService.class);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attendance-improvement-process")
                    .singleResult().getResourceName()).isEqualTo(ROUTE);
            assertThat(repository.createDeploymentQuery().list()).singleElement();
            assertThat(repository.getDeploymentResourceNames(repository.createDeploymentQuery().singleResult().getId()))
                    .contains(ROUTE, "forms/improvement-meeting.form", "forms/improvement-referral.form");
        }
        try (ConfigurableApplicationContext second = HeadlessApplication.run(List.of(), database)) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).as("nothing redeployed").isOne();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attendance-improvement-process")
                    .latestVersion().singleResult().getVersion()).isOne();

            // a changed file deployed the way the process application deploys (by name, changed only)
            String changed = new ClassPathResource(ROUTE).getContentAsString(StandardCharsets.UTF_8)
                    .replace("attendancePercent &lt; 90", "attendancePercent &lt; 91");
            assertThat(changed).as("the threshold to change is in the file").contains("attendancePercent &lt; 91");
            repository.createDeployment().name("attendance-routes").enableDuplicateFiltering(true)
                    .addString(ROUTE, changed).deploy();
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attendance-improvement-process")
                    .latestVersion().singleResult().getVersion()).isEqualTo(2);
        }
    }
}
