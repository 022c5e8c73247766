package org.attendanceroutes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Logins for the two HTTP APIs. Not Spring Security: the Camunda webapps run their own session
 * login and CSRF protection under /camunda, which Spring Security's defaults would wrap in a
 * second login and CSRF scheme; the APIs need only Basic login against the engine's users, the
 * engine's own authorizations and a short list of path rules. Nor Camunda's
 * ProcessEngineAuthenticationFilter: it lets /engine-rest/engine through without a login and
 * gives a controller no principal; one filter serves both APIs alike.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, json));
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setName("apiAuthentication");
        // before anything else reads the request on the user's behalf
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }
}
