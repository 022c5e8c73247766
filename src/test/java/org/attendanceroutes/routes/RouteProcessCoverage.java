package org.attendanceroutes.routes;

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
 * Every route test imports the same configuration, so they share one Spring context.
 */
@TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
public class RouteProcessCoverage {

    // Primary: the imported configuration registers its default properties (no assertion) beside
    // these, and the coverage listener, finding two, would silently fall back to the default.
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
    }
}
