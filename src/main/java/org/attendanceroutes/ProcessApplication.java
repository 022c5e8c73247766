package org.attendanceroutes;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.context.annotation.Configuration;

/**
 * The process application: routes in {@code processes/} and forms in {@code forms/} are deployed
 * from {@code META-INF/processes.xml}, so unchanged files create no new definition versions. A
 * configuration of its own, not on the application class: test slices such as
 * {@code @WebMvcTest} start from the application class, and must not need a process engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableProcessApplication("attendance-routes")
class ProcessApplication {
}
