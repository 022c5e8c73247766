package org.attendanceroutes.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The routes' entry rules, the decision {@code route-entry} (processes/route-entry.dmn) over the
 * band of {@code attendance-band}, both as deployed last: analysts change them in the Modeler.
 *
 * <p>The daily evaluation decides for every pupil, 100,000 a day in a large authority, so the
 * decisions are evaluated in memory by a DMN engine of their own, not the process engine's
 * DecisionService: that would write every evaluation into the history, hundreds of thousands of
 * rows a day that no one reads. The cases the decisions start are in the history as usual.
 */
@Component
public class RouteEntry {

    static final String ENTRY_DECISION = "route-entry";
    static final String BAND_DECISION = "attendance-band";

    private final RepositoryService repository;
    private final DmnEngine dmn = dmnEngine();
    /** Parsed decisions by decision definition id: a new version is parsed once. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    RouteEntry(RepositoryService repository) {
        this.repository = repository;
    }

    /**
     * With the FEEL of Camunda's earlier releases: it reads the tables' unary tests (comparisons,
     * ranges, literals) as the engine's FEEL does, at about 10 microseconds a pupil against 700;
     * a test it cannot read fails the school's evaluation with FEEL's message.
     */
    private static DmnEngine dmnEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(true);
        return configuration.buildEngine();
    }

    /** The rules as deployed now, for one school's evaluation. */
    public Rules latest() {
        return new Rules(decision(ENTRY_DECISION), decision(BAND_DECISION));
    }

    private DmnDecision decision(String key) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("the decision " + key + " is not deployed (processes/" + key + ".dmn)");
        }
        return parsed.computeIfAbsent(latest.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(key, model);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the decision " + key, e);
            }
        });
    }

    /** The entry rules of one version of the decisions. */
    public final class Rules {

        private final DmnDecision entry;
        private final DmnDecision band;

        private Rules(DmnDecision entry, DmnDecision band) {
            this.entry = entry;
            this.band = band;
        }

        /**
         * Whether a pupil with these figures (the calculator's variables) enters the route today.
         *
         * @param halfTermReview whether today is the last school day of a half term
         */
        public boolean starts(String routeKey, Map<String, Object> figures, boolean halfTermReview) {
            VariableMap variables = Variables.fromMap(figures)
                    .putValue("routeKey", routeKey)
                    .putValue("halfTermReview", halfTermReview)
                    // a pupil without a case has had no persistent-absence support to improve on
                    .putValue("improvementNoted", null);
            DmnDecisionRuleResult bandResult = dmn.evaluateDecisionTable(band, variables).getFirstResult();
            variables.putValue("bandLevel", bandResult == null ? null : bandResult.get("bandLevel"));
            DmnDecisionRuleResult result = dmn.evaluateDecisionTable(entry, variables).getFirstResult();
            return result != null && Boolean.TRUE.equals(result.get("startRoute"));
        }
    }
}
