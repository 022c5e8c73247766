package org.attendanceroutes.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user logged in to Tasklist, Cockpit or Admin reads {@code /api} in the same browser session
 * without a second login, so a form's link to a letter's PDF opens. The webapps' session holds
 * the user's authentication for our engine; the roles are read afresh from the user's groups.
 * Reads only (GET, HEAD): a change made with the session's cookie alone could be forged by any
 * page the user visits, so changes need HTTP Basic, and the webapps' CSRF token plays no part here.
 */
final class WebappSessionLogin extends OncePerRequestFilter {

    private final RequestMatcher reads;
    private final EngineUsers users;
    private final ProcessEngine engine;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    /** @param reads the calls a session may make */
    WebappSessionLogin(RequestMatcher reads, EngineUsers users, ProcessEngine engine) {
        this.reads = reads;
        this.users = users;
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !reads.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && contexts.getContext().getAuthentication() == null) {
            Authentication webappUser = AuthenticationUtil.getAuthsFromSession(session)
                    .getAuthenticationForProcessEngine(engine.getName());
            if (webappUser != null) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(users.loggedIn(webappUser.getIdentityId()));
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
