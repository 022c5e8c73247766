package org.attendanceroutes.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The logged-in user is the engine's authenticated user for the rest of the request, with their
 * roles and their schools (tenants), so the engine checks its authorizations and its tenant check
 * on every call made on the user's behalf: the engine's REST API and every engine call of an
 * {@code /api} controller; the application's walls read the schools from the same authentication. Cleared when the request is done, as
 * the engine keeps it per thread.
 */
final class EngineAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // runs after the access rules, which let no call through without a login
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        identity.setAuthentication(user.getName(), EngineUsers.groupIds(user.getAuthorities()),
                EngineUsers.tenantIds(user.getAuthorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
