package org.attendanceroutes.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.UrlPathHelper;

/**
 * The APIs' answer to a caller without a login (401, with the Basic challenge; 503 when the
 * engine cannot check one) or without a role the call needs (403, naming the call and the roles
 * it is for), and to a path spelled another
 * way than plainly ({@code /api/./register-marks}, {@code /api//register-marks}: 403 for
 * anyone, before any rule could be fooled by it). The refusal is handed to Spring MVC's exception
 * handling, so it is a problem detail like every other error of the API.
 */
final class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String CHALLENGE = "Basic realm=\"Attendance Routes\", charset=\"UTF-8\"";

    private static final Logger log = LoggerFactory.getLogger(ApiRefusals.class);

    private final HandlerExceptionResolver errors;

    ApiRefusals(HandlerExceptionResolver errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal) {
        if (refusal instanceof InternalAuthenticationServiceException) {
            log.error("could not check a login on {}", request.getRequestURI(), refusal);
            refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "the login could not be checked: try again later",
                    refusal);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        refuse(request, response, HttpStatus.UNAUTHORIZED, refusal instanceof BadCredentialsException
                ? refusal.getMessage() : "log in with HTTP Basic authentication", refusal);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal) {
        String userId = SecurityContextHolder.getContext().getAuthentication().getName();
        // the decoded, normalised path the rules matched, not the raw URI
        String call = request.getMethod() + " " + UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        String reason = reason(refusal);
        log.info("refused user {} {}: {}", userId, call, reason);
        refuse(request, response, HttpStatus.FORBIDDEN, "user " + userId + " may not " + call + ": " + reason, refusal);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal) {
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.getMessage());
        refuse(request, response, HttpStatus.FORBIDDEN, refusal.getMessage(), refusal);
    }

    /** The groups the refusing rule asks for. */
    private static String reason(AccessDeniedException refusal) {
        if (refusal instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision rule) {
            Set<String> required = Set.copyOf(EngineUsers.groupIds(rule.getAuthorities()));
            return "it is for " + String.join(", ", Role.groupIds(role -> required.contains(role.groupId())));
        }
        return "not allowed";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
                        Exception refusal) {
        // the status stands even should the body fail to be written
        response.setStatus(status.value());
        errors.resolveException(request, response, null,
                new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), refusal));
    }
}
