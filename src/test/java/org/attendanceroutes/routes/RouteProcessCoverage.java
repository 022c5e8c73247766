package org.attendanceroutes.routes;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage for route tests: {@code @Import(RouteProcessCoverage.class)} on a route's
 * test class writes the coverage report under target/process-test-coverage/ and fails the class
 * unless its tests together pass every flow node and sequence flow of the processes they run.
 * The route test classes import the same configuration, so they share one Spring context.
 * {@link EveryRouteIsCoveredTest} checks that every route has such a test class.
 */
@TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
public class RouteProcessCoverage {

    static final Condition<Double> EVERY_ELEMENT_PASSED = new Condition<>(coverage -> coverage >= 1.0,
            "coverage 1.0: every flow node and sequence flow passed "
                    + "(target/process-test-coverage/<test class>/report.html shows which were not)");

    // Primary: the imported configuration registers its default properties (no assertion) beside
    // these, and the coverage listener, finding two, would silently fall back to the default.
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        // the builder's assertClassCoverageAtLeast says only "coverage ratio is at least 1.0"
        return new ProcessEngineCoverageProperties(false, true, List.of(), List.of(EVERY_ELEMENT_PASSED), Map.of(),
                List.of(), null);
    }
}
