package org.attendanceroutes.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
public class RedeployChangedFiles implements DisposableBean {

    static final String DEPLOYMENT_NAME = "attendance-routes";
    private static final Logger log = LoggerFactory.getLogger(RedeployChangedFiles.class);

    private final RepositoryService repository;
    private final List<Path> folders;
    private final long intervalMillis;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "redeploy-changed-files");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, FileState> seen = Map.of();

    /** A watched file and when it last changed. */
    record FileState(Path path, long modified) {
    }

    RedeployChangedFiles(RepositoryService repository,
                         @Value("${attendance.redeploy.folders:processes,forms}") List<Path> folders,
                         @Value("${attendance.redeploy.interval-millis:2000}") long intervalMillis) {
        this.repository = repository;
        this.folders = folders;
        this.intervalMillis = intervalMillis;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        seen = snapshot();
        poller.scheduleWithFixedDelay(this::redeployIfChanged, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        log.info("watching {} for changed routes and forms", folders);
    }

    /** Deploys when any file changed since the last look; returns the new deployment, if one was made. */
    synchronized DeploymentWithDefinitions redeployIfChanged() {
        Map<String, FileState> now = snapshot();
        if (now.equals(seen)) {
            return null;
        }
        seen = now;
        // the process application's name and source, so only changed files get a new version
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME)
                .source(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE)
                .enableDuplicateFiltering(true);
        for (Map.Entry<String, FileState> file : now.entrySet()) {
            String name = file.getKey();
            try {
                deployment.addString(name, Files.readString(file.getValue().path()));
            } catch (IOException e) {
                log.warn("could not read {}: {}", name, e.getMessage());
                return null;
            }
        }
        try {
            DeploymentWithDefinitions deployed = deployment.deployWithResult();
            log.info("redeployed changed files: {} new process definitions, {} new decisions",
                    deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
                    deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
            return deployed;
        } catch (RuntimeException refused) {
            log.error("a changed file was refused; the version in service stays in service: {}", refused.getMessage());
            return null;
        }
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

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
