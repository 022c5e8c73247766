package org.attendanceroutes.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A Spring MVC slice of the application's API: the controllers named, the error handling, and
 * the APIs' security filter chain, with the engine mocked (no engine, no webapps, no database).
 * The controllers' collaborators are the test's own {@code @MockitoBean}s. Process test coverage
 * has no engine to watch here: mark the class {@code @ExcludeFromProcessCoverage} (the coverage
 * listener reads that annotation on the class itself only).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(SecurityConfiguration.class)
@MockitoBean(types = {IdentityService.class, ProcessEngine.class})
public @interface ApiWebMvcTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
