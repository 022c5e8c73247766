package org.attendanceroutes.security;

import java.util.Arrays;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Logins and access rules of the two HTTP APIs, {@code /api} and {@code /engine-rest}: one
 * Spring Security filter chain, HTTP Basic against the engine's users ({@link EngineUsers}), or
 * for reads of {@code /api} the Camunda webapps' session ({@link WebappSessionLogin}); the rules
 * below for {@code /api}, and any logged-in user on {@code /engine-rest}, where the engine's own
 * authorizations decide, as the user ({@link EngineAuthentication}). No chain matches anything
 * else: the webapps under {@code /camunda} keep their own session login and CSRF protection,
 * and {@code /actuator/health} stays open. Only with a web server: the command-line import has none.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final String[] REGISTER_MAINTAINERS = roles(Role::maintainsRegisters);
    private static final String[] SCHOOL_STAFF = roles(Role::isSchoolStaff);
    private static final String[] EVERY_ROLE = roles(role -> true);

    @Bean
    EngineUsers engineUsers(IdentityService identity) {
        return new EngineUsers(identity);
    }

    /** Also the firewall's answer to a request it rejects, on any path. */
    @Bean
    ApiRefusals apiRefusals(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        return new ApiRefusals(errors);
    }

    @Bean
    SecurityFilterChain apis(HttpSecurity http, EngineUsers users, ApiRefusals refusals, IdentityService identity,
                             ProcessEngine engine) throws Exception {
        return http
                .securityMatcher(RequestMatchers.anyOf(PATHS.matcher("/api/**"), PATHS.matcher("/engine-rest/**")))
                // paths are ruled, not controllers: an endpoint added later under a ruled path is
                // protected the day it is merged, and anything not named is for school staff
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(PATHS.matcher("/api/register-marks/**")).hasAnyRole(REGISTER_MAINTAINERS)
                        .requestMatchers(writes("/api/schools/*/calendar/**")).hasAnyRole(REGISTER_MAINTAINERS)
                        // the case controller shows the local authority only the cases referred to it
                        .requestMatchers(reads("/api/cases", "/api/cases/*", "/api/cases/*/events",
                                "/api/cases/*/targets")).hasAnyRole(EVERY_ROLE)
                        .requestMatchers(PATHS.matcher("/api/**")).hasAnyRole(SCHOOL_STAFF)
                        .requestMatchers(PATHS.matcher("/engine-rest/**")).authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(refused -> refused.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no CSRF token: HTTP Basic is for scripts and tools, and the webapps' session only reads
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterAfter(new WebappSessionLogin(reads("/api/**"), users, engine),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthentication(identity), AuthorizationFilter.class)
                .build();
    }

    private static RequestMatcher reads(String... patterns) {
        return anyOf(patterns, HttpMethod.GET, HttpMethod.HEAD);
    }

    private static RequestMatcher writes(String... patterns) {
        return anyOf(patterns, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    }

    private static RequestMatcher anyOf(String[] patterns, HttpMethod... methods) {
        return RequestMatchers.anyOf(Arrays.stream(methods)
                .flatMap(method -> Arrays.stream(patterns).map(pattern -> PATHS.matcher(method, pattern)))
                .toArray(RequestMatcher[]::new));
    }

    private static String[] roles(Predicate<Role> test) {
        return Role.groupIds(test).toArray(String[]::new);
    }
}
