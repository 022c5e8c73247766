package org.attendanceroutes.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.attendanceroutes.ApplicationTest;
import org.junit.jupiter.api.Tag;

/**
 * A test that drives the webapps in Chromium: the whole application on a random port, one Spring
 * context for all of them, tagged {@code browser} ({@code ./mvnw test -Dgroups=browser} runs only these).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@Tag("browser")
@interface BrowserTest {
}
