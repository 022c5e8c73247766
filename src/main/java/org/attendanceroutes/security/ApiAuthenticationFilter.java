package org.attendanceroutes.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic login against the engine's users for the engine's REST API and the application's
 * {@code /api}: no credentials or wrong ones get 401. For the request, the user is the servlet
 * request's principal (with its groups as roles) and the engine's authenticated user, so the
 * engine checks its authorizations on every engine call made on the user's behalf; on
 * {@code /api} the {@link ApiAccessRules} refuse calls a user's roles do not allow with 403.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthenticationFilter.class);
    static final String CHALLENGE = "Basic realm=\"Attendance Routes\", charset=\"UTF-8\"";

    private final IdentityService identity;
    private final ObjectMapper json;

    ApiAuthenticationFilter(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request);
        if (credentials == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            refuse(request, response, HttpStatus.UNAUTHORIZED, "log in with HTTP Basic authentication");
            return;
        }
        String userId = credentials[0];
        if (!identity.checkPassword(userId, credentials[1])) {
            log.info("refused login of user {} on {}", userId, request.getRequestURI());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            refuse(request, response, HttpStatus.UNAUTHORIZED, "unknown user or wrong password");
            return;
        }
        List<String> groupIds = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        // the decoded, normalised path: the raw URI could spell /api/register-marks another way
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (ApiAccessRules.governs(path)) {
            String refusal = ApiAccessRules.refusal(request.getMethod(), path, groupIds);
            if (refusal != null) {
                log.info("refused user {} {} {}: {}", userId, request.getMethod(), path, refusal);
                refuse(request, response, HttpStatus.FORBIDDEN, "user " + userId + " may not: " + refusal);
                return;
            }
        }
        // the user's schools: the engine's tenant check shows them only those schools' instances
        List<String> tenantIds = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        identity.setAuthentication(userId, groupIds, tenantIds);
        try {
            chain.doFilter(new AuthenticatedRequest(request, userId, groupIds), response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** User and password from an "Authorization: Basic" header, or null when there is none usable. */
    static String[] basicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    private record UserPrincipal(String getName) implements Principal {
    }

    /** The request as the authenticated user makes it: principal, remote user and roles. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final String userId;
        private final List<String> groupIds;

        AuthenticatedRequest(HttpServletRequest request, String userId, List<String> groupIds) {
            super(request);
            this.userId = userId;
            this.groupIds = groupIds;
        }

        @Override
        public Principal getUserPrincipal() {
            return new UserPrincipal(userId);
        }

        @Override
        public String getRemoteUser() {
            return userId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return groupIds.contains(role);
        }

        @Override
        public String getAuthType() {
            return HttpServletRequest.BASIC_AUTH;
        }
    }
}
