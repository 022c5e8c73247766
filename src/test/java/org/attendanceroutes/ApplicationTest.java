package org.attendanceroutes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, as most tests see it. Every class so annotated shares
 * one Spring context (one of the suite's three, with the route tests' {@code RouteTest} and the
 * demo's), so a test class adds no configuration of its own: it makes its own schools and pupils.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ApplicationTest {
}
