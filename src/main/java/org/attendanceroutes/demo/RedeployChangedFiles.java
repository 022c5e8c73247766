package org.attendanceroutes.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * In the demo, an analyst's saved change in {@code processes/} or {@code forms/} reaches the
 * running application without a restart: the folders are polled, and changed files are deployed
 * under the same names the process application uses. Only changed files get a new version;
 * running cases stay on theirs. A file the engine cannot parse is refused with the parser's
 * message in the log, and the version in service stays in service.
 */
@Component
@ConditionalOnProperty("attendance.redeploy.watch")
@EnableScheduling
public class RedeployChangedFiles {

    static final String DEPLOYMENT_NAME = "attendance-routes";
    private static final Logger log = LoggerFactory.getLogger(RedeployChangedFiles.class);

    private final RepositoryService repository;
    private final List<Path> folders;
    private Map<String, FileState> seen = Map.of();
    /** From the application's start: what the process application deployed then is the first look. */
    private volatile boolean watching;

    /** A watched file and when it last changed. */
    record FileState(Path path, long modified) {
    }

    RedeployChangedFiles(RepositoryService repository,
                         @Value("${attendance.redeploy.folders:processes,forms}") String[] folders) {
        this.repository = repository;
        // as paths: a List<Path> would be bound as one path named "processes,forms"
        this.folders = Arrays.stream(folders).map(String::trim).map(Path::of).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        seen = snapshot();
        watching = true;
        log.info("watching {} for changed routes and forms", folders);
    }

    /** One look; a failure is logged, and the next look comes all the same. */
    @Scheduled(fixedDelayString = "${attendance.redeploy.interval-millis:2000}")
    void poll() {
        if (!watching) {
            return;
        }
        try {
            redeployIfChanged();
        } catch (RuntimeException e) {
            log.error("could not look for changed routes and forms in {}: {}", folders, e.toString());
        }
    }

    /**
     * Deploys when any file changed since the last look; returns the new deployment, or null when
     * nothing changed, no file's content changed, or the engine refused a file.
     */
    synchronized DeploymentWithDefinitions redeployIfChanged() {
        Map<String, FileState> now = snapshot();
        if (now.equals(seen)) {
            return null;
        }
        // the process application's name and source, so only changed files get a new version
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                .source(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE)
                .enableDuplicateFiltering(true);
        for (Map.Entry<String, FileState> file : now.entrySet()) {
            try {
                // the bytes as saved, as the process application deploys them: equal files are equal resources
                deployment.addInputStream(file.getKey(), new ByteArrayInputStream(Files.readAllBytes(file.getValue().path())));
            } catch (IOException e) {
                log.warn("could not read {}, will look again: {}", file.getKey(), e.getMessage());
                return null;
            }
        }
        // a file the engine refuses is not tried again until it is saved again
        seen = now;
        Set<String> earlier = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list().stream()
                .map(Deployment::getId).collect(Collectors.toSet());
        DeploymentWithDefinitions deployed;
        try {
            deployed = deployment.deployWithResult();
        } catch (RuntimeException refused) {
            log.error("a changed file was refused; the version in service stays in service: {}", refused.getMessage());
            return null;
        }
        if (earlier.contains(deployed.getId())) {
            log.info("files saved without a change: nothing to deploy");
            return null;
        }
        log.info("deployed changed files as {}: {}", deployed.getId(), repository.getDeploymentResourceNames(deployed.getId()));
        return deployed;
    }

    /** Each file's name as deployed ("processes/x.bpmn") and its last change. */
    private Map<String, FileState> snapshot() {
        Map<String, FileState> files = new TreeMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).forEach(p -> {
                    try {
                        files.put(folder.getFileName() + "/" + p.getFileName(),
                                new FileState(p, Files.getLastModifiedTime(p).toMillis()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
