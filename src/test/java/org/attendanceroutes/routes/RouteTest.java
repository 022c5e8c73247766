package org.attendanceroutes.routes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application with process test coverage ({@link RouteProcessCoverage}): a route's test
 * class fails unless its tests pass every flow node and sequence flow of the processes they run.
 * The route test classes share this one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RouteProcessCoverage.class)
public @interface RouteTest {
}
