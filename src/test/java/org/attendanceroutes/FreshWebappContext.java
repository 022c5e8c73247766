package org.attendanceroutes;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Camunda's webapp filters find their Spring context through a static field, set by the first
 * context that starts. Tests start several contexts in one JVM: each new one clears the field so
 * its webapps wait for, and use, their own context, never one that failed or was closed.
 * Registered in META-INF/spring.factories of the test classpath.
 */
public class FreshWebappContext extends LazyInitRegistration
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        APPLICATION_CONTEXT = null;
    }
}
