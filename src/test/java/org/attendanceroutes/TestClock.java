package org.attendanceroutes;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every test application starts on the instant its configuration names ({@value #PROPERTY}, London
 * time; application-test.yml sets the default), never on the real date: what a context loads at
 * start-up (demo data, the demo's first review, the evening timer created at deployment) is then the
 * same on any day and whichever test class happens to start it. Spring's context cache keys on the
 * property, so a class naming another instant gets a context of its own.
 * <p>
 * The clock runs on from that instant (a frozen one would never let a login throttle expire); a
 * test that needs "today" sets it for itself, as a context may be older than the test. Registered in META-INF/spring.factories of the test
 * classpath, so it runs for {@code @SpringBootTest} classes and {@link HeadlessApplication} alike.
 */
public class TestClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "attendance.test.start-time";
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String start = context.getEnvironment().getProperty(PROPERTY);
        if (start != null) {
            long startMillis = LocalDateTime.parse(start).atZone(LONDON).toInstant().toEpochMilli();
            ClockUtil.offset(startMillis - System.currentTimeMillis());
        }
    }
}
